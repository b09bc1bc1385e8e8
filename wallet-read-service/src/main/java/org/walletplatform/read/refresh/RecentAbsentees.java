package org.walletplatform.read.refresh;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which absent users this instance refreshed lately, remembered in memory only so that an
 * absent user's visit costs no Redis call. Bounded (least recently claimed forgotten
 * first): forgetting costs at most one extra refresh, which the pending cap bounds too.
 */
final class RecentAbsentees {

    private final long intervalMillis;

    private final LinkedHashMap<Long, Long> claimedAt;

    RecentAbsentees(Duration interval, int capacity) {
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
