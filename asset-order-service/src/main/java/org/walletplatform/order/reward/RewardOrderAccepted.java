package org.walletplatform.order.reward;

/**
 * Published once a new reward order is written: delivery picks it up from here, so
 * issuance never waits for a downstream.
 */
public record RewardOrderAccepted(RewardOrder order) {
}
