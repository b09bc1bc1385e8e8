package org.walletplatform.order.budget;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.walletplatform.model.reward.AwardType;
import org.walletplatform.order.scene.Scene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SceneBudgetTests {

    private final Scene scene = new Scene("s", AwardType.COUPON, 1_000, 100, 0, 300, 0);

    /** A ledger with 1,000 leasable that counts how often it is asked. */
    private final CountingLedger ledger = new CountingLedger(1_000);

    private final SceneBudget budget = new SceneBudget(this.scene, "me", this.ledger);

    @Test
    void shouldAskTheSharedCounterOncePerChunkNotPerOrder() {
        for (int i = 0; i < 30; i++) {
            this.budget.take(10);
        }

        assertThat(this.ledger.calls).hasValue(1);
        assertThat(this.budget.available()).isZero();
    }

    @Test
    void shouldStopAskingTheSharedCounterOnEveryOrderOnceItIsExhausted() {
        for (int i = 0; i < 10; i++) {
            this.budget.take(100);
        }
        long callsWhenExhausted = this.ledger.calls.get();

        for (int i = 0; i < 100; i++) {
            assertThatExceptionOfType(StockLowException.class).isThrownBy(() -> this.budget.take(1));
        }

        assertThat(this.ledger.calls.get() - callsWhenExhausted).as("one call, then none for a second").isEqualTo(1);
    }

    @Test
    void shouldKeepAPartialGrantForSmallerOrders() {
        this.ledger.left.set(50);

        assertThatExceptionOfType(StockLowException.class).isThrownBy(() -> this.budget.take(80));
        this.budget.take(50);

        assertThat(this.budget.available()).isZero();
    }

    private static final class CountingLedger extends BudgetLedger {

        final AtomicLong calls = new AtomicLong();

        final AtomicLong left;

        CountingLedger(long leasable) {
            super(null, null, null, List::of);
            this.left = new AtomicLong(leasable);
        }

        @Override
        long lease(Scene scene, String lessee, long wanted, long needed) {
            this.calls.incrementAndGet();
            long grant = Math.min(wanted, this.left.get());
            this.left.addAndGet(-grant);
            return grant;
        }

    }

}
