package org.walletplatform.gateway.ratelimit;

import java.util.concurrent.atomic.AtomicLong;

/**
 * One counter's window as a gateway instance knows it ({@link BatchedWindowCounter}):
 * what it counted itself, what it has not sent yet, and the shared totals Redis last
 * answered.
 */
final class WindowCell {

    final String policy;

    /** The counter's key, without the window's index. */
    final String key;

    final long index;

    final long windowMillis;

    /**
     * The previous window's cell, if this instance held one when this was made; let go
     * once this window ended.
     */
    volatile WindowCell previous;

    /** Counted here, not yet sent to Redis. */
    final AtomicLong unsent = new AtomicLong();

    /** Counted here, not yet part of {@link #settled}. */
    final AtomicLong pending = new AtomicLong();

    /** The shared total as Redis last answered it. */
    volatile long settled;

    /** The previous window's shared total as Redis last answered it. */
    volatile long previousSettled;

    volatile boolean previousFetched;

    WindowCell(String policy, String key, long index, long windowMillis, WindowCell previous) {
        this.policy = policy;
        this.key = key;
        this.index = index;
        this.windowMillis = windowMillis;
        this.previous = previous;
    }

    long end() {
        return (this.index + 1) * this.windowMillis;
    }

    /**
     * This window's count as far as known. Pending first: a flush settles the total
     * before it takes what was sent off pending, so a count read in between is too high,
     * never too low.
     */
    long total(long pending) {
        return this.settled + pending;
    }

    long previousTotal() {
        WindowCell before = this.previous;
        long here = (before != null) ? before.total(before.pending.get()) : 0;
        return Math.max(here, this.previousSettled);
    }

    /** 0 if admitted (and counted); otherwise the milliseconds until one would be. */
    long countIfAdmitted(SlidingWindow window, long limit, long now) {
        while (true) {
            long pending = this.pending.get();
            long current = total(pending);
            long previous = previousTotal();
            if (!window.admits(previous, current, limit, now)) {
                return Math.max(1, window.retryAfterMillis(previous, current, limit, now));
            }
            if (this.pending.compareAndSet(pending, pending + 1)) {
                this.unsent.incrementAndGet();
                return 0;
            }
        }
    }

    /** Takes back a count another limit refused (sent as -1 if already sent). */
    void uncount() {
        this.pending.decrementAndGet();
        this.unsent.decrementAndGet();
    }

    void settle(long sent, long total, long previousTotal) {
        // the total first, then what it now holds leaves pending (flushes run one at
        // a time, so totals arrive in order)
        this.settled = total;
        this.pending.addAndGet(-sent);
        this.previousSettled = previousTotal;
        this.previousFetched = true;
    }

}
