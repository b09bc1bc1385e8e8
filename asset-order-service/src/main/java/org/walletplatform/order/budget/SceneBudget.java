package org.walletplatform.order.budget;

import java.util.concurrent.atomic.AtomicLong;

import org.walletplatform.order.scene.Scene;

/**
 * One instance's share of one scene's budget: the unspent rest of what it leased, counted
 * locally with a CAS, so issuance touches Redis once per lease chunk instead of once per
 * order. Whatever is taken here was leased before, so the budget holds even if every
 * instance issues at once; an instance that dies loses only its unspent rest
 * (under-spend, found by reconciliation).
 */
final class SceneBudget {

    private static final long EXHAUSTED_RECHECK_NANOS = 1_000_000_000L;

    private final Scene scene;

    private final String lessee;

    private final BudgetLedger ledger;

    private final AtomicLong available = new AtomicLong();

    /**
     * Once the shared counter is down to the reserve, asking it again on every order
     * would make it a hot key at exactly the busiest moment; it only grows again when an
     * instance gives budget back, so it is asked at most once a second.
     */
    private volatile long exhaustedUntilNanos = System.nanoTime();

    SceneBudget(Scene scene, String lessee, BudgetLedger ledger) {
        this.scene = scene;
        this.lessee = lessee;
        this.ledger = ledger;
    }

    /** Takes {@code amount} from this instance's share, leasing more when it runs out. */
    void take(long amount) {
        while (true) {
            if (tryTake(amount)) {
                return;
            }
            synchronized (this) {
                if (this.available.get() >= amount) {
                    continue;
                }
                if (System.nanoTime() - this.exhaustedUntilNanos < 0) {
                    throw new StockLowException(this.scene.id(), amount);
                }
                long needed = amount - this.available.get();
                long granted = this.ledger.lease(this.scene, this.lessee, this.scene.leaseChunkMinor(), needed);
                this.available.addAndGet(granted);
                if (granted < needed) {
                    this.exhaustedUntilNanos = System.nanoTime() + EXHAUSTED_RECHECK_NANOS;
                }
                if (this.available.get() < amount) {
                    throw new StockLowException(this.scene.id(), amount);
                }
            }
        }
    }

    private boolean tryTake(long amount) {
        long current;
        do {
            current = this.available.get();
            if (current < amount) {
                return false;
            }
        }
        while (!this.available.compareAndSet(current, current - amount));
        return true;
    }

    /** Puts back an amount taken for an order that was not written. */
    void putBack(long amount) {
        this.available.addAndGet(amount);
    }

    /** Gives the unspent rest back to the shared counter. */
    void giveBackRest() {
        this.ledger.giveBack(this.scene.id(), this.lessee, this.available.getAndSet(0));
    }

    long available() {
        return this.available.get();
    }

}
