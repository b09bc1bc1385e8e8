package org.walletplatform.gateway.ratelimit;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import org.walletplatform.gateway.ratelimit.WindowCounter.Limit;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exact counting against the real Redis, on a clock the test sets (the counter takes the
 * time it judges by from its caller). Each test runs on one Redis and on a Redis Cluster,
 * where a caller's counters and the route's fall in different slots.
 */
@ParameterizedClass
@ValueSource(strings = { TestRedis.STANDALONE, TestRedis.CLUSTER })
class WindowCounterIT {

    private static final SlidingWindow SECOND = new SlidingWindow(1_000);

    /** A window of its own per test run, far from any other test's. */
    private static final long WINDOW_7 = ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000) * 1_000;

    private final String run = "rl:{test-exact:" + ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);

    /** A caller's counter, and the route's, shaped as the gateway's (RateLimitFilter). */
    private final String caller = this.run + ":user}";

    private final String route = this.run + ":*}";

    private final LettuceConnectionFactory connections;

    private final ReactiveStringRedisTemplate redis;

    private final WindowCounter counter;

    WindowCounterIT(String topology) {
        this.connections = TestRedis.connect(topology);
        this.redis = new ReactiveStringRedisTemplate(this.connections);
        this.counter = new WindowCounter(this.redis);
    }

    @AfterEach
    void close() {
        this.redis.keys(this.run + "*").flatMap(this.redis::delete).blockLast();
        this.connections.destroy();
    }

    @Test
    void aLimitSpentAtTheEndOfOneWindowIsNotSpentAgainAtTheStartOfTheNext() {
        List<Limit> four = List.of(new Limit(this.caller, 4));
        for (int i = 0; i < 4; i++) {
            assertThat(admit(four, WINDOW_7 + 900)).isZero();
        }
        long wait = admit(four, WINDOW_7 + 900);
        assertThat(wait).as("the fifth waits").isEqualTo(SECOND.retryAfterMillis(0, 4, 4, WINDOW_7 + 900));

        // a fixed window would admit four more at once
        assertThat(admit(four, WINDOW_7 + 1_050)).as("the previous four still weigh").isPositive();
        // 80 % of the next window gone: the previous four weigh 0.8, so three more pass
        for (int i = 0; i < 3; i++) {
            assertThat(admit(four, WINDOW_7 + 1_800)).isZero();
        }
        assertThat(admit(four, WINDOW_7 + 1_800)).isPositive();
        assertThat(count(this.caller + ":" + SECOND.index(WINDOW_7))).isEqualTo("4");
        assertThat(count(this.caller + ":" + SECOND.index(WINDOW_7 + 1_000))).as("refused requests count nothing")
            .isEqualTo("3");
        assertThat(this.redis.getExpire(this.caller + ":" + SECOND.index(WINDOW_7)).block())
            .as("kept while it judges requests")
            .isPositive();
    }

    @Test
    void theWaitAnsweredIsWhenARequestPassesAgain() {
        List<Limit> three = List.of(new Limit(this.caller, 3));
        for (int i = 0; i < 3; i++) {
            admit(three, WINDOW_7 + 400);
        }
        long wait = admit(three, WINDOW_7 + 400);
        assertThat(wait).as("in the next window, once the three weigh less than two").isEqualTo(600 + 334);

        assertThat(admit(three, WINDOW_7 + 400 + wait - 1)).isPositive();
        assertThat(admit(three, WINDOW_7 + 400 + wait)).isZero();
    }

    @Test
    void aRequestTheRouteLimitRefusesSpendsNothingOfTheCallersLimit() {
        List<Limit> limits = List.of(new Limit(this.caller, 10), new Limit(this.route, 1));
        assertThat(admit(limits, WINDOW_7 + 100)).isZero();
        assertThat(admit(limits, WINDOW_7 + 100)).as("the route's one request is spent").isPositive();

        assertThat(count(this.caller + ":" + SECOND.index(WINDOW_7))).isEqualTo("1");
        assertThat(count(this.route + ":" + SECOND.index(WINDOW_7))).isEqualTo("1");
    }

    private long admit(List<Limit> limits, long now) {
        return this.counter.admit(SECOND, limits, now).block();
    }

    private String count(String key) {
        return this.redis.opsForValue().get(key).block();
    }

}
