package org.walletplatform.order.budget;

/**
 * Orders issued but not yet written where {@link IssuedOrders} counts them (cash red
 * packets between issuance and settlement). Reconciliation waits for them: a dead
 * lessee's account is closed only once everything issued before it was seen dead is
 * counted.
 */
public interface UnsettledIssues {

    /** Whether any order issued before {@code epochMs} is not counted yet. */
    boolean anyIssuedBefore(long epochMs);

}
