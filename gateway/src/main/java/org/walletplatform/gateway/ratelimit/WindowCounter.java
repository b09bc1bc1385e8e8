package org.walletplatform.gateway.ratelimit;

import java.util.ArrayList;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Sliding-window counters in Redis ({@link SlidingWindow}): one round trip reads the
 * caller's counters of this window and the previous one (and the route's, when the policy
 * has a route limit) and, only if every limit admits the request, counts it. A refused
 * request counts nothing, so a caller retrying too fast is let through again at its
 * limit's pace, and a caller refused by its own limit spends nothing of the route's. Keys
 * carry the window's index, so a counter never needs resetting and stale ones just
 * expire.
 */
@Component
class WindowCounter {

    /**
     * KEYS: per limit, its counter of this window, then of the previous one. ARGV: the
     * milliseconds left in this window, the window's length, the counters' expiry, then
     * each limit. Answers whether the request passed, then per limit the two counts
     * before it.
     */
    private static final RedisScript<List> ADMIT = RedisScript.of("""
            local left, window = tonumber(ARGV[1]), tonumber(ARGV[2])
            local counts = redis.call('MGET', unpack(KEYS))
            local answer = {1}
            for i = 1, #KEYS / 2 do
              local current = tonumber(counts[2 * i - 1]) or 0
              local previous = tonumber(counts[2 * i]) or 0
              if previous * left + (current + 1) * window > tonumber(ARGV[3 + i]) * window then answer[1] = 0 end
              answer[2 * i] = current
              answer[2 * i + 1] = previous
            end
            if answer[1] == 1 then
              for i = 1, #KEYS, 2 do
                if redis.call('INCR', KEYS[i]) == 1 then redis.call('PEXPIRE', KEYS[i], ARGV[3]) end
              end
            end
            return answer
            """, List.class);

    private final ReactiveStringRedisTemplate redis;

    WindowCounter(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    /**
     * Counts one request at {@code now} against every limit if all of them admit it.
     * @return 0 if it passed; otherwise the milliseconds until one would
     */
    @SuppressWarnings("unchecked")
    Mono<Long> admit(SlidingWindow window, List<Limit> limits, long now) {
        long index = window.index(now);
        List<String> keys = new ArrayList<>(limits.size() * 2);
        List<String> args = new ArrayList<>(limits.size() + 3);
        args.add(Long.toString(window.left(now)));
        args.add(Long.toString(window.windowMillis()));
        // a counter judges its own window and, as the previous one, the next: kept two
        // windows, and a second more for clocks slightly apart
        args.add(Long.toString(window.windowMillis() * 2 + 1000));
        for (Limit limit : limits) {
            keys.add(limit.key() + ":" + index);
            keys.add(limit.key() + ":" + (index - 1));
            args.add(Long.toString(limit.max()));
        }
        return this.redis.execute(ADMIT, keys, args).next().map((answer) -> {
            List<Long> counts = (List<Long>) answer;
            if (counts.get(0) == 1) {
                return 0L;
            }
            long wait = 0;
            for (int i = 0; i < limits.size(); i++) {
                long current = counts.get(1 + 2 * i);
                long previous = counts.get(2 + 2 * i);
                long max = limits.get(i).max();
                if (!window.admits(previous, current, max, now)) {
                    wait = Math.max(wait, window.retryAfterMillis(previous, current, max, now));
                }
            }
            return Math.max(wait, 1);
        });
    }

    /** A counter's key (without the window's index) and the most it may count. */
    record Limit(String key, long max) {
    }

}
