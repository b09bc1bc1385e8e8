package org.walletplatform.gateway.ratelimit;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rate limits at the edge, counted in Redis so every gateway instance shares them. Each
 * request is counted against the first policy whose methods and paths match it: up to
 * {@code limit} requests per caller (user, business line or client address, per the
 * policy's key) and, if set, {@code routeLimit} for all callers together, in each window.
 *
 * @param enabled whether limits apply at all
 * @param redisTimeout how long a count may take before Redis counts as failing
 * @param policies the policies, most specific first
 */
@ConfigurationProperties("gateway.rate-limits")
record RateLimitProperties(@DefaultValue("true") boolean enabled, @DefaultValue("500ms") Duration redisTimeout,
        @DefaultValue List<Policy> policies) {

    /**
     * @param name names the counters and the metric tag
     * @param methods HTTP methods it covers (empty: all)
     * @param paths path patterns it covers
     * @param key whose requests are counted together
     * @param limit requests per caller per window
     * @param routeLimit requests per window for all callers together (0: none)
     * @param window the counting window
     * @param whenRedisFails what happens when the count cannot be taken: money-moving
     * routes refuse (closed), reads let the request through (open)
     */
    record Policy(String name, @DefaultValue List<String> methods, List<String> paths, Key key, long limit,
            @DefaultValue("0") long routeLimit, @DefaultValue("1s") Duration window, FailPolicy whenRedisFails) {
    }

    enum Key {

        /** The token's subject; the client address for a request without one. */
        USER,

        /**
         * The business line the request names ({@code X-Wallet-Line}); the address
         * without one.
         */
        LINE,

        /** The client address. */
        ADDRESS

    }

    enum FailPolicy {

        OPEN, CLOSED

    }

}
