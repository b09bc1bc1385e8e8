package org.walletplatform.order.withdrawal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.walletplatform.support.problem.ApiProblemException;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The account limit against the real Redis, at times the test picks: at most the limit
 * within any minute, wherever the minute starts.
 */
class WithdrawalLimitsIT {

    static final LettuceConnectionFactory CONNECTIONS = new LettuceConnectionFactory(
            new RedisStandaloneConfiguration("127.0.0.1", 6379));

    static {
        CONNECTIONS.afterPropertiesSet();
        CONNECTIONS.start();
    }

    static final WithdrawalProperties THREE_A_MINUTE = new WithdrawalProperties(3, 1_000, Duration.ofSeconds(30),
            Duration.ofSeconds(10), Duration.ofSeconds(5));

    final StringRedisTemplate redis = new StringRedisTemplate(CONNECTIONS);

    final long actId = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);

    /** Starts 200 ms before a clock minute ends, where a fixed window would reset. */
    long now = Instant.parse("2026-12-07T10:00:59.800Z").toEpochMilli();

    @AfterAll
    static void close() {
        CONNECTIONS.destroy();
    }

    @Test
    void shouldLetNoMoreThanTheLimitThroughAcrossAClockMinute() {
        for (int i = 0; i < 3; i++) {
            assertThatCode(this::check).doesNotThrowAnyException();
        }
        this.now += 400;

        ApiProblemException refused = refusal();
        assertThat(refused.getStatusCode().value()).isEqualTo(429);
        // the first three leave the window 59.6 s from now
        assertThat(refused.getHeaders().getFirst("Retry-After")).isEqualTo("60");
    }

    @Test
    void shouldAdmitAgainAsEachWithdrawalLeavesTheMinute() {
        for (int i = 0; i < 3; i++) {
            check();
            this.now += 10_000;
        }
        // 30 s after the first
        assertThat(refusal().getHeaders().getFirst("Retry-After")).isEqualTo("30");
        this.now += 30_000;
        assertThatCode(this::check).doesNotThrowAnyException();
        // the second leaves 10 s later
        assertThat(refusal().getHeaders().getFirst("Retry-After")).isEqualTo("10");
        // a refused request took no place: only the admitted ones count
        this.now += 10_000;
        assertThatCode(this::check).doesNotThrowAnyException();
    }

    @Test
    void shouldForgetAnAccountAMinuteAfterItsLastWithdrawal() {
        check();
        Long ttl = this.redis.getExpire("order:withdrawals:{" + this.actId + "}");
        assertThat(ttl).isBetween(1L, 60L);
    }

    /** One withdrawal of the account at the test's time. */
    private void check() {
        Clock at = Clock.fixed(Instant.ofEpochMilli(this.now), ZoneOffset.UTC);
        new WithdrawalLimits(this.redis, THREE_A_MINUTE, at).check(this.actId);
    }

    private ApiProblemException refusal() {
        ApiProblemException refused = catchThrowableOfType(ApiProblemException.class, this::check);
        assertThat(refused).as("a withdrawal past the limit is refused").isNotNull();
        return refused;
    }

}
