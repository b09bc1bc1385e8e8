package org.walletplatform.gateway.ratelimit;

/**
 * The sliding-window counter: a request at time {@code t} is judged by the count of the
 * current fixed window plus the previous window's count weighted by how much of the
 * previous window a window ending at {@code t} still covers. Fixed windows alone let a
 * caller spend a whole limit at the end of one window and another at the start of the
 * next, twice the limit within a moment; the weighted count never does. Two counters per
 * caller, as fixed windows need one, so it settles in Redis the same way.
 *
 * <p>
 * The arithmetic is exact in integers (and in the doubles of Redis's Lua, as
 * {@link RateLimitProperties} keeps {@code limit × window} below 2<sup>53</sup>): a
 * request passes when {@code previous × left + (current + 1) × window ≤ limit × window},
 * {@code left} being the milliseconds left in the current window.
 */
record SlidingWindow(long windowMillis) {

    SlidingWindow {
        if (windowMillis < 1) {
            throw new IllegalArgumentException("A rate-limit window must be at least 1 ms");
        }
    }

    /** The index of the fixed window {@code now} falls in. */
    long index(long now) {
        return Math.floorDiv(now, this.windowMillis);
    }

    /**
     * Milliseconds from {@code now} to the end of its window (1 to the window's length).
     */
    long left(long now) {
        return this.windowMillis - Math.floorMod(now, this.windowMillis);
    }

    /**
     * Whether one more request at {@code now} stays within {@code limit}, with
     * {@code previous} requests counted in the previous window and {@code current} in
     * this one.
     */
    boolean admits(long previous, long current, long limit, long now) {
        return previous * left(now) + (current + 1) * this.windowMillis <= limit * this.windowMillis;
    }

    /**
     * How long a caller refused at {@code now} must wait until a request would pass, if
     * it sends none meanwhile: the moment the previous window's weight has fallen far
     * enough, or else within the next window, where this window's count becomes the
     * previous one. At most two windows, since a limit is at least 1.
     */
    long retryAfterMillis(long previous, long current, long limit, long now) {
        long left = left(now);
        if (current + 1 <= limit && previous > 0) {
            long wait = left - Math.floorDiv((limit - current - 1) * this.windowMillis, previous);
            if (wait < left) {
                return Math.max(wait, 0);
            }
        }
        long intoNext = (current == 0) ? 0
                : Math.max(0, this.windowMillis - Math.floorDiv((limit - 1) * this.windowMillis, current));
        return left + intoNext;
    }

}
