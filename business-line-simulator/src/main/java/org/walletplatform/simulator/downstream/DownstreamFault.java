package org.walletplatform.simulator.downstream;

import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A fault of a simulated reward downstream.
 *
 * @param mode {@code none}, {@code fail}, {@code lost-reply} or {@code slow}
 * @param delayMs the delay of {@code slow}
 * @param count how many calls the fault affects; 0 means every call until replaced
 */
record DownstreamFault(String mode, long delayMs, int count, @JsonIgnore AtomicInteger left) {

    static final DownstreamFault NONE = new DownstreamFault("none", 0, 0);

    DownstreamFault(String mode, long delayMs, int count) {
        this(mode, delayMs, count, new AtomicInteger(count));
    }

    /** Whether this call is affected (and uses up one of {@code count}). */
    boolean take() {
        if ("none".equals(this.mode)) {
            return false;
        }
        return this.count == 0 || this.left.getAndDecrement() > 0;
    }

}
