package org.walletplatform.order.reward;

/**
 * What {@link RewardType#issue} did: recorded a new order (as it now stands, e.g. with
 * its token), or found an order with the same number and recorded nothing.
 */
public record IssueOutcome(RewardOrder issued, StoredOrder existing) {

    public static IssueOutcome issued(RewardOrder order) {
        return new IssueOutcome(order, null);
    }

    public static IssueOutcome existing(StoredOrder stored) {
        return new IssueOutcome(null, stored);
    }

    public boolean isNew() {
        return this.issued != null;
    }

}
