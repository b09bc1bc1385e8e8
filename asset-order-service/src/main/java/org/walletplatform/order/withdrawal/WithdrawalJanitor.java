package org.walletplatform.order.withdrawal;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Resolves withdrawals left accepted (an instance died before paying) or paying (the
 * payment's outcome was unknown): asks the payment downstream, marks paid, or pays again
 * under the same key.
 */
@Component
class WithdrawalJanitor {

    private static final Logger log = LoggerFactory.getLogger(WithdrawalJanitor.class);

    private final WithdrawalStore store;

    private final WithdrawalService withdrawals;

    private final WithdrawalProperties properties;

    private final Clock clock;

    WithdrawalJanitor(WithdrawalStore store, WithdrawalService withdrawals, WithdrawalProperties properties,
            Clock clock) {
        this.store = store;
        this.withdrawals = withdrawals;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${order.withdrawal.janitor-interval:10s}")
    void resolveStuckWithdrawals() {
        try {
            long before = this.clock.millis() - this.properties.stuckAfter().toMillis();
            this.store.findStuck(before, 200).forEach(this.withdrawals::resolve);
        }
        catch (RuntimeException ex) {
            log.warn("Withdrawal janitor round failed; the next one tries again: {}", ex.toString());
        }
    }

}
