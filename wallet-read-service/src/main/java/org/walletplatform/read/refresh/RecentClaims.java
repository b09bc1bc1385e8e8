package org.walletplatform.read.refresh;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Which users this instance claimed for a refresh lately, in memory: a repeated visit
 * within the interval costs nothing, not even a Redis call. Every read asks, so it takes
 * no lock: a fixed table of at least twice {@code capacity} slots (262,144 for the
 * default 100,000), a user's slot chosen by their id (ids closer than the table's size
 * never share one), one claim per slot set by compare-and-set. Two users sharing a slot
 * push each other's claim out: a forgotten user is claimed again at their next visit (a
 * Redis claim that still holds for a present user; one more refresh for an absent one),
 * so the table's size bounds how many users each instance keeps to one per interval.
 */
final class RecentClaims {

    private final long intervalMillis;

    private final AtomicReferenceArray<Claim> slots;

    private final int mask;

    RecentClaims(Duration interval, int capacity) {
        this.intervalMillis = interval.toMillis();
        int size = Integer.highestOneBit(Math.max(2, capacity) * 2 - 1) << 1;
        this.slots = new AtomicReferenceArray<>(size);
        this.mask = size - 1;
    }

    /** True if {@code userId} was not claimed within the interval; claims it. */
    boolean claim(long userId, long nowMillis) {
        int slot = Long.hashCode(userId) & this.mask;
        while (true) {
            Claim last = this.slots.get(slot);
            if (last != null && last.userId() == userId && nowMillis - last.atMillis() < this.intervalMillis) {
                return false;
            }
            if (this.slots.compareAndSet(slot, last, new Claim(userId, nowMillis))) {
                return true;
            }
        }
    }

    int slotCount() {
        return this.slots.length();
    }

    private record Claim(long userId, long atMillis) {
    }

}
