package org.walletplatform.order.withdrawal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import org.walletplatform.model.ProblemTypes;
import org.walletplatform.support.problem.ApiProblemException;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * How many withdrawals are let through: per account, at most the limit within any minute
 * (a sliding log in Redis, shared by every instance; a fixed clock minute would let twice
 * the limit through across its boundary); in all, a per-instance rate, so a peak is
 * answered with 429 and {@code Retry-After} instead of piling up on the payment
 * downstream.
 */
@Component
class WithdrawalLimits {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    /**
     * One sorted set per account, of the withdrawals let through by the time they were:
     * forgets those older than the window, then admits this one (0) if fewer than the
     * limit remain, or answers the milliseconds until the oldest leaves the window. A
     * refused request takes no place in the log.
     */
    private static final RedisScript<Long> ADMIT = RedisScript.of("""
            local now, window = tonumber(ARGV[1]), tonumber(ARGV[2])
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
            if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[3]) then
              redis.call('ZADD', KEYS[1], now, ARGV[4])
              redis.call('PEXPIRE', KEYS[1], window)
              return 0
            end
            local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
            return math.max(1, tonumber(oldest[2]) + window - now)
            """, Long.class);

    private final StringRedisTemplate redis;

    private final WithdrawalProperties properties;

    private final Clock clock;

    private final RateLimiter global;

    WithdrawalLimits(StringRedisTemplate redis, WithdrawalProperties properties, Clock clock) {
        this.redis = redis;
        this.properties = properties;
        this.clock = clock;
        this.global = RateLimiter.of("withdrawals",
                RateLimiterConfig.custom()
                    .limitForPeriod(properties.globalPerSecond())
                    .limitRefreshPeriod(Duration.ofSeconds(1))
                    .timeoutDuration(Duration.ZERO)
                    .build());
    }

    void check(long actId) {
        if (!this.global.acquirePermission()) {
            throw limited("Too many withdrawals right now", 1);
        }
        long now = this.clock.millis();
        // the time alone could name two withdrawals of one millisecond as one
        String entry = now + ":" + Long.toHexString(ThreadLocalRandom.current().nextLong());
        Long waitMillis = this.redis.execute(ADMIT, List.of("order:withdrawals:{" + actId + "}"), Long.toString(now),
                Long.toString(WINDOW.toMillis()), Integer.toString(this.properties.perUserPerMinute()), entry);
        if (waitMillis != null && waitMillis > 0) {
            throw limited("Too many withdrawals for this account", (waitMillis + 999) / 1000);
        }
    }

    static ApiProblemException limited(String detail, long retryAfterSeconds) {
        ApiProblemException problem = new ApiProblemException(HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.RATE_LIMITED,
                "Rate limited", detail + "; retry after " + retryAfterSeconds + " s.", Map.of());
        problem.getHeaders().set("Retry-After", Long.toString(retryAfterSeconds));
        return problem;
    }

}
