package org.walletplatform.order.reward;

import java.util.Optional;
import java.util.Set;

import org.walletplatform.model.reward.AwardType;
import org.walletplatform.model.reward.OrderNumber;
import org.walletplatform.support.linesigning.DeferredNonce;

/**
 * What differs between kinds of reward: where an order of the kind is kept and how it
 * reaches the user. {@link RewardService} does everything the kinds share (scene,
 * activity phase, limits, budget) and then hands the order to the one implementation
 * serving its award type. An implementation must make {@link #issue} idempotent on the
 * order number with the idempotency key written in the same step as the effect, and must
 * never make the caller wait on a downstream.
 */
public interface RewardType {

    /** The award types this implementation serves. */
    Set<AwardType> awardTypes();

    /**
     * Records a new order and starts its way to the user; if an order with the same
     * number exists, records nothing and answers the stored one.
     * @param requestHash the hash of the request, stored to tell a replay from a conflict
     * @param lessee the budget lessee the amount was taken under
     * @param nonce the request's nonce, to be claimed before anything is written (null
     * when the signature filter claimed it already)
     */
    IssueOutcome issue(RewardOrder order, String requestHash, String lessee, DeferredNonce nonce);

    /** The order with this number, if it exists. */
    Optional<StoredOrder> find(OrderNumber number);

}
