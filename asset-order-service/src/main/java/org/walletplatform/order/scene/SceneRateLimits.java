package org.walletplatform.order.scene;

import java.time.Duration;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;

import org.springframework.stereotype.Component;

/**
 * The per-scene rate limit ({@code rate-per-second}, per instance): a Resilience4j rate
 * limiter {@code scene-<id>} that never waits, so a request over the limit is refused at
 * once rather than queued behind the burst.
 */
@Component
public class SceneRateLimits {

    private final RateLimiterRegistry limiters;

    SceneRateLimits(RateLimiterRegistry limiters) {
        this.limiters = limiters;
    }

    /** True if the scene has no limit or a permit is free now. */
    public boolean tryAcquire(Scene scene) {
        if (scene.ratePerSecond() == 0) {
            return true;
        }
        RateLimiter limiter = this.limiters.rateLimiter("scene-" + scene.id(),
                () -> RateLimiterConfig.custom()
                    .limitForPeriod(scene.ratePerSecond())
                    .limitRefreshPeriod(Duration.ofSeconds(1))
                    .timeoutDuration(Duration.ZERO)
                    .build());
        return limiter.acquirePermission();
    }

}
