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
 *
 * <p>
 * On a Redis Cluster a script may only touch keys of one slot, and the caller's counters
 * and the route's sit in different ones: there each limit is judged in a call of its own,
 * in turn, and a limit that refuses takes back what the limits before it counted. A
 * request is still never admitted past any limit; while a take-back is on its way, a
 * concurrent request may see one count too many and wait a little longer.
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

    /** Takes back a count of this window, unless the counter expired meanwhile. */
    private static final RedisScript<Long> UNCOUNT = RedisScript.of("""
            if redis.call('EXISTS', KEYS[1]) == 1 then return redis.call('DECR', KEYS[1]) end
            return 0
            """, Long.class);

    private final ReactiveStringRedisTemplate redis;

    private final boolean cluster;

    WindowCounter(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
        this.cluster = RedisTopology.isCluster(redis);
    }

    /**
     * Counts one request at {@code now} against every limit if all of them admit it.
     * @return 0 if it passed; otherwise the milliseconds until one would
     */
    Mono<Long> admit(SlidingWindow window, List<Limit> limits, long now) {
        return this.cluster ? admitInTurn(window, limits, 0, now) : admitTogether(window, limits, now);
    }

    /** Limits {@code from} on, each in its own call; 0 if every one admitted. */
    private Mono<Long> admitInTurn(SlidingWindow window, List<Limit> limits, int from, long now) {
        if (from == limits.size()) {
            return Mono.just(0L);
        }
        Limit limit = limits.get(from);
        return admitTogether(window, List.of(limit), now).flatMap((wait) -> (wait != 0) ? Mono.just(wait)
                : admitInTurn(window, limits, from + 1, now).flatMap((later) -> (later == 0) ? Mono.just(0L)
                        : this.redis.execute(UNCOUNT, List.of(limit.key() + ":" + window.index(now)))
                            .then(Mono.just(later))));
    }

    @SuppressWarnings("unchecked")
    private Mono<Long> admitTogether(SlidingWindow window, List<Limit> limits, long now) {
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
