package org.walletplatform.order.withdrawal;

import java.time.Instant;

/**
 * A withdrawal as the API answers it.
 *
 * @param state {@code accepted} (debited, not paid yet), {@code paying} (the payment's
 * outcome is unknown; the janitor finds out), {@code paid}, or {@code refunded} (the
 * payment was refused and the money is back in the balance)
 * @param replay true when this is the stored answer to an earlier identical request
 */
public record Withdrawal(long actId, String withdrawalNo, long amountMinor, String state, Instant createdAt,
        boolean replay) {

    public static final String ACCEPTED = "accepted";

    public static final String PAYING = "paying";

    public static final String PAID = "paid";

    public static final String REFUNDED = "refunded";

    Withdrawal inState(String state) {
        return new Withdrawal(this.actId, this.withdrawalNo, this.amountMinor, state, this.createdAt, this.replay);
    }

    Withdrawal asReplay() {
        return new Withdrawal(this.actId, this.withdrawalNo, this.amountMinor, this.state, this.createdAt, true);
    }

    /**
     * The payment downstream's idempotency key: withdrawal numbers are unique per
     * account.
     */
    String paymentKey() {
        return this.actId + "-" + this.withdrawalNo;
    }

}
