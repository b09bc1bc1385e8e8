package org.walletplatform.order.reward;

/** An order as stored, with the hash of the request that created it. */
public record StoredOrder(RewardOrder order, String requestHash) {

}
