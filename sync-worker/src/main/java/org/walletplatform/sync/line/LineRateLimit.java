package org.walletplatform.sync.line;

import java.time.Duration;

import io.github.resilience4j.ratelimiter.RateLimiterConfig;

/**
 * A line's rate limit as Resilience4j config, spread over the second. A limiter that
 * grants a whole second's calls at once lets them all out in a burst and then holds every
 * pull until the next second: the line sees spikes, and the worker stalls (at 3,000 calls
 * a second per line the box sat idle for a quarter of each second of a sync benchmark
 * round). So the permits come in about a hundred slices a second instead.
 */
final class LineRateLimit {

    private static final int SLICES_PER_SECOND = 100;

    /** How long a pull may wait for a permit before it counts as rate limited. */
    private static final Duration WAIT = Duration.ofSeconds(5);

    private LineRateLimit() {
    }

    static RateLimiterConfig of(int callsPerSecond) {
        if (callsPerSecond < 1) {
            throw new IllegalArgumentException("A line's rate limit must be at least 1 call per second");
        }
        int perSlice = Math.ceilDiv(callsPerSecond, SLICES_PER_SECOND);
        return RateLimiterConfig.custom()
            .limitForPeriod(perSlice)
            .limitRefreshPeriod(Duration.ofNanos(Duration.ofSeconds(perSlice).toNanos() / callsPerSecond))
            .timeoutDuration(WAIT)
            .build();
    }

}
