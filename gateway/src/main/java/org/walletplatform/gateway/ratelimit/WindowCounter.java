package org.walletplatform.gateway.ratelimit;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Fixed-window counters in Redis: one round trip increments the caller's counter and the
 * route's (when the policy has a route limit) and sets their expiry on first use. Keys
 * carry the window's index, so a window never needs resetting and stale keys just expire.
 */
@Component
class WindowCounter {

    private static final RedisScript<List> COUNT = RedisScript.of("""
            local counts = {}
            for i, key in ipairs(KEYS) do
              counts[i] = redis.call('INCR', key)
              if counts[i] == 1 then redis.call('PEXPIRE', key, ARGV[1]) end
            end
            return counts
            """, List.class);

    private final ReactiveStringRedisTemplate redis;

    WindowCounter(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    /** The counts after this request, in the order of {@code keys}. */
    @SuppressWarnings("unchecked")
    Mono<List<Long>> increment(List<String> keys, long windowMillis) {
        return this.redis.execute(COUNT, keys, List.of(Long.toString(windowMillis * 2)))
            .next()
            .map((counts) -> (List<Long>) counts);
    }

}
