package org.walletplatform.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Batched counting against the real Redis: two counters stand for two gateway instances.
 */
class BatchedWindowCounterIT {

    private static final long WINDOW_END = Long.MAX_VALUE / 2;

    private final String key = "rl:test-batched:user:" + ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE) + ":1";

    private final LettuceConnectionFactory connections = connect(6379);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @AfterEach
    void close() {
        new ReactiveStringRedisTemplate(this.connections).delete(this.key).block();
        this.connections.destroy();
    }

    @Test
    void anInstanceCountsItsOwnRequestsAtOnceAndTheOthersAfterAFlush() {
        BatchedWindowCounter a = counter(this.connections, System::currentTimeMillis);
        BatchedWindowCounter b = counter(this.connections, System::currentTimeMillis);

        assertThat(a.increment("p", this.key, WINDOW_END)).isEqualTo(1);
        assertThat(a.increment("p", this.key, WINDOW_END)).isEqualTo(2);
        assertThat(a.increment("p", this.key, WINDOW_END)).isEqualTo(3);
        assertThat(b.increment("p", this.key, WINDOW_END)).as("a's requests not flushed yet").isEqualTo(1);
        a.flush();
        b.flush();
        assertThat(b.increment("p", this.key, WINDOW_END)).as("a's three and its own two").isEqualTo(5);
        assertThat(a.increment("p", this.key, WINDOW_END)).as("b's first not seen by a yet").isEqualTo(4);
        a.flush();
        assertThat(a.increment("p", this.key, WINDOW_END)).as("b's second still unsent").isEqualTo(6);
        a.flush();
        b.flush();
        assertThat(new ReactiveStringRedisTemplate(this.connections).opsForValue().get(this.key).block())
            .isEqualTo("7");
        assertThat(new ReactiveStringRedisTemplate(this.connections).getExpire(this.key).block())
            .as("expires with its window")
            .isPositive();
    }

    @Test
    void whileRedisDoesNotAnswerTheInstanceKeepsCountingOnItsOwn() {
        LettuceConnectionFactory nowhere = connect(1);
        try {
            BatchedWindowCounter alone = counter(nowhere, System::currentTimeMillis);
            for (int i = 1; i <= 3; i++) {
                assertThat(alone.increment("p", this.key, WINDOW_END)).isEqualTo(i);
            }
            alone.flush();
            assertThat(this.meters.counter("gateway.ratelimit.redis.failures", "policy", "p").count()).isEqualTo(1);
            assertThat(alone.increment("p", this.key, WINDOW_END)).as("nothing forgotten").isEqualTo(4);
        }
        finally {
            nowhere.destroy();
        }
    }

    @Test
    void aWindowThatEndedIsDroppedAtTheNextFlush() {
        AtomicLong now = new AtomicLong(1_000);
        BatchedWindowCounter counter = counter(this.connections, now::get);
        counter.increment("p", this.key, 2_000);
        counter.flush();
        assertThat(counter.cellCount()).isEqualTo(1);

        now.set(2_000);
        counter.flush();

        assertThat(counter.cellCount()).isZero();
    }

    private BatchedWindowCounter counter(LettuceConnectionFactory factory, LongSupplier clock) {
        return new BatchedWindowCounter(new ReactiveStringRedisTemplate(factory), this.meters, Duration.ofMillis(300),
                clock);
    }

    private static LettuceConnectionFactory connect(int port) {
        RedisStandaloneConfiguration config = new RedisStandaloneConfiguration("127.0.0.1", port);
        config.setDatabase(2);
        LettuceConnectionFactory factory = new LettuceConnectionFactory(config);
        factory.afterPropertiesSet();
        factory.start();
        return factory;
    }

}
