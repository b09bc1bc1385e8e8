package org.walletplatform.read.refresh;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which users this instance claimed for a refresh lately, in memory: a repeated visit
 * within the interval costs nothing, not even a Redis call. Bounded (least recently
 * claimed forgotten first): forgetting costs at most one extra claim.
 */
final class RecentClaims {

    private final long intervalMillis;

    private final LinkedHashMap<Long, Long> claimedAt;

    RecentClaims(Duration interval, int capacity) {
        this.intervalMillis = interval.toMillis();
        this.claimedAt = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Long> eldest) {
                return size() > capacity;
            }
        };
    }

    /** True if {@code userId} was not claimed within the interval; claims it. */
    synchronized boolean claim(long userId, long nowMillis) {
        Long last = this.claimedAt.get(userId);
        if (last != null && nowMillis - last < this.intervalMillis) {
            return false;
        }
        this.claimedAt.put(userId, nowMillis);
        return true;
    }

}
