package org.walletplatform.order.withdrawal;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import org.walletplatform.model.ProblemTypes;
import org.walletplatform.support.problem.ApiProblemException;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * How many withdrawals are let through: per account, a fixed one-minute window counted in
 * Redis (shared by every instance); in all, a per-instance rate, so a peak is answered
 * with 429 and {@code Retry-After} instead of piling up on the payment downstream.
 */
@Component
class WithdrawalLimits {

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
        long minute = this.clock.millis() / 60_000;
        String key = "order:withdrawals:{" + actId + "}:" + minute;
        Long count = this.redis.opsForValue().increment(key);
        if (count != null && count == 1) {
            this.redis.expire(key, Duration.ofMinutes(2));
        }
        if (count != null && count > this.properties.perUserPerMinute()) {
            long retryAfter = 60 - (this.clock.millis() / 1000) % 60;
            throw limited("Too many withdrawals for this account", retryAfter);
        }
    }

    static ApiProblemException limited(String detail, long retryAfterSeconds) {
        ApiProblemException problem = new ApiProblemException(HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.RATE_LIMITED,
                "Rate limited", detail + "; retry after " + retryAfterSeconds + " s.", Map.of());
        problem.getHeaders().set("Retry-After", Long.toString(retryAfterSeconds));
        return problem;
    }

}
