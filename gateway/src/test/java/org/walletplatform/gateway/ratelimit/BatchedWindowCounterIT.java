package org.walletplatform.gateway.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import org.walletplatform.gateway.ratelimit.WindowCounter.Limit;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Batched counting against the real Redis, on a clock the test sets: two counters stand
 * for two gateway instances. Each test runs on one Redis and on a Redis Cluster, where a
 * caller's counters and the route's fall in different slots.
 */
@ParameterizedClass
@ValueSource(strings = { TestRedis.STANDALONE, TestRedis.CLUSTER })
class BatchedWindowCounterIT {

    private static final SlidingWindow SECOND = new SlidingWindow(1_000);

    /** A window of its own per test run, far from any other test's. */
    private static final long WINDOW_7 = ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000) * 1_000;

    private final String run = "rl:{test-batched:" + ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);

    /** A caller's counter, and the route's, shaped as the gateway's (RateLimitFilter). */
    private final String key = this.run + ":user}";

    private final String route = this.run + ":*}";

    private final AtomicLong now = new AtomicLong(WINDOW_7 + 100);

    private final LettuceConnectionFactory connections;

    private final ReactiveStringRedisTemplate redis;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    BatchedWindowCounterIT(String topology) {
        this.connections = TestRedis.connect(topology);
        this.redis = new ReactiveStringRedisTemplate(this.connections);
    }

    @AfterEach
    void close() {
        this.redis.keys(this.run + "*").flatMap(this.redis::delete).blockLast();
        this.connections.destroy();
    }

    @Test
    void anInstanceCountsItsOwnRequestsAtOnceAndTheOthersAfterAFlush() {
        BatchedWindowCounter a = counter(this.connections);
        BatchedWindowCounter b = counter(this.connections);
        List<Limit> five = List.of(new Limit(this.key, 5));

        for (int i = 0; i < 3; i++) {
            assertThat(admit(a, five)).isZero();
        }
        assertThat(admit(b, five)).as("a's requests not flushed yet").isZero();
        a.flush();
        b.flush();
        assertThat(admit(b, five)).as("a's three and b's two").isZero();
        assertThat(admit(b, five)).as("b knows of five").isPositive();
        assertThat(admit(a, five)).as("b's second not seen by a yet: the overshoot a flush interval allows").isZero();
        a.flush();
        assertThat(admit(a, five)).as("a knows of six").isPositive();
        b.flush();
        assertThat(count(SECOND.index(this.now.get()))).as("refused requests count nothing").isEqualTo("6");
        assertThat(this.redis.getExpire(this.key + ":" + SECOND.index(this.now.get())).block())
            .as("expires after the next window")
            .isPositive();
    }

    @Test
    void thePreviousWindowWeighsOnTheNextHereAndOnOtherInstancesAfterTheirFirstFlush() {
        BatchedWindowCounter a = counter(this.connections);
        List<Limit> four = List.of(new Limit(this.key, 4));
        this.now.set(WINDOW_7 + 900);
        for (int i = 0; i < 4; i++) {
            assertThat(admit(a, four)).isZero();
        }
        a.flush();

        this.now.set(WINDOW_7 + 1_050);
        BatchedWindowCounter fresh = counter(this.connections);
        assertThat(admit(a, four)).as("the four a counted still weigh").isPositive();
        assertThat(admit(fresh, four)).as("nothing known of the previous window before a flush").isZero();
        fresh.flush();
        assertThat(admit(fresh, four)).as("Redis's total of the previous window weighs").isPositive();

        // 80 % of the window gone: the previous four weigh 0.8, so three pass in this
        // window, fresh's one among them
        this.now.set(WINDOW_7 + 1_800);
        a.flush();
        assertThat(admit(a, four)).isZero();
        assertThat(admit(a, four)).isZero();
        assertThat(admit(a, four)).isPositive();
    }

    @Test
    void aRequestTheRouteLimitRefusesSpendsNothingOfTheCallersLimit() {
        BatchedWindowCounter a = counter(this.connections);
        List<Limit> limits = List.of(new Limit(this.key, 10), new Limit(this.route, 1));
        assertThat(admit(a, limits)).isZero();
        assertThat(admit(a, limits)).isPositive();
        a.flush();

        assertThat(count(SECOND.index(this.now.get()))).isEqualTo("1");
        assertThat(this.redis.opsForValue().get(this.route + ":" + SECOND.index(this.now.get())).block())
            .as("the route's counter settled too")
            .isEqualTo("1");
    }

    @Test
    void whileRedisDoesNotAnswerTheInstanceKeepsCountingOnItsOwn() {
        LettuceConnectionFactory nowhere = TestRedis.connect(1);
        try {
            BatchedWindowCounter alone = counter(nowhere);
            List<Limit> three = List.of(new Limit(this.key, 3));
            for (int i = 0; i < 3; i++) {
                assertThat(admit(alone, three)).isZero();
            }
            alone.flush();
            assertThat(this.meters.counter("gateway.ratelimit.redis.failures", "policy", "p").count()).isEqualTo(1);
            assertThat(admit(alone, three)).as("nothing forgotten").isPositive();
        }
        finally {
            nowhere.destroy();
        }
    }

    @Test
    void aWindowIsDroppedOnceItNoLongerWeighsAsThePreviousOne() {
        BatchedWindowCounter counter = counter(this.connections);
        admit(counter, List.of(new Limit(this.key, 3)));
        counter.flush();

        this.now.set(WINDOW_7 + 1_999);
        counter.flush();
        assertThat(counter.cellCount()).as("the previous window of the one now").isEqualTo(1);

        this.now.set(WINDOW_7 + 2_000);
        counter.flush();
        assertThat(counter.cellCount()).isZero();
    }

    private long admit(BatchedWindowCounter counter, List<Limit> limits) {
        return counter.admit("p", SECOND, limits, this.now.get());
    }

    private String count(long index) {
        return this.redis.opsForValue().get(this.key + ":" + index).block();
    }

    private BatchedWindowCounter counter(LettuceConnectionFactory factory) {
        return new BatchedWindowCounter(new ReactiveStringRedisTemplate(factory), this.meters, Duration.ofMillis(300),
                this.now::get);
    }

}
