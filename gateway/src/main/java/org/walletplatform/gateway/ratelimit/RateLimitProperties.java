package org.walletplatform.gateway.ratelimit;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rate limits at the edge, counted in Redis so every gateway instance shares them. Each
 * request is counted against the first policy whose methods and paths match it: up to
 * {@code limit} requests per caller (user, business line or client address, per the
 * policy's key) and, if set, {@code routeLimit} for all callers together, in any window's
 * length of time (a sliding window, {@link SlidingWindow}).
 *
 * @param enabled whether limits apply at all
 * @param redisTimeout how long a count may take before Redis counts as failing
 * @param flushInterval how often batched counts are settled with Redis
 * @param policies the policies, most specific first
 */
@ConfigurationProperties("gateway.rate-limits")
record RateLimitProperties(@DefaultValue("true") boolean enabled, @DefaultValue("500ms") Duration redisTimeout,
        @DefaultValue("50ms") Duration flushInterval, @DefaultValue List<Policy> policies) {

    /**
     * Redis's Lua compares {@code limit × window} (ms) in doubles, exact below
     * 2<sup>53</sup> ({@link SlidingWindow}).
     */
    private static final long EXACT_IN_DOUBLES = 1L << 53;

    RateLimitProperties {
        for (Policy policy : policies) {
            long windowMillis = policy.window().toMillis();
            if (policy.limit() < 1 || policy.routeLimit() < 0 || windowMillis < 1
                    || Math.max(policy.limit(), policy.routeLimit()) >= EXACT_IN_DOUBLES / windowMillis) {
                throw new IllegalArgumentException("Rate-limit policy " + policy.name()
                        + ": limit must be at least 1, route-limit at least 0, the window at least 1 ms, and"
                        + " a limit times the window in ms below 2^53");
            }
            if (policy.counting() == Counting.BATCHED && policy.whenRedisFails() == FailPolicy.CLOSED) {
                throw new IllegalArgumentException("Rate-limit policy " + policy.name()
                        + ": batched counting keeps counting locally while Redis fails, so it cannot fail closed");
            }
        }
    }

    /**
     * @param name names the counters and the metric tag
     * @param methods HTTP methods it covers (empty: all)
     * @param paths path patterns it covers
     * @param key whose requests are counted together
     * @param limit requests per caller per window (at least 1)
     * @param routeLimit requests per window for all callers together (0: none)
     * @param window the window's length
     * @param whenRedisFails what happens when the count cannot be taken: money-moving
     * routes refuse (closed), reads let the request through (open)
     * @param counting one Redis round trip per request (exact), or counted locally and
     * settled with Redis every flush interval (batched; fail-open policies only)
     */
    record Policy(String name, @DefaultValue List<String> methods, List<String> paths, Key key, long limit,
            @DefaultValue("0") long routeLimit, @DefaultValue("1s") Duration window, FailPolicy whenRedisFails,
            @DefaultValue("exact") Counting counting) {
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

    enum Counting {

        /** Every request counted in Redis before it passes ({@link WindowCounter}). */
        EXACT,

        /** Counted here, settled with Redis in batches ({@link BatchedWindowCounter}). */
        BATCHED

    }

    enum FailPolicy {

        OPEN, CLOSED

    }

}
