package org.walletplatform.order.delivery;

import java.util.Optional;
import java.util.Set;

import org.walletplatform.model.reward.AwardType;
import org.walletplatform.model.reward.OrderNumber;
import org.walletplatform.order.reward.IssueOutcome;
import org.walletplatform.order.reward.RewardOrder;
import org.walletplatform.order.reward.RewardOrderStore;
import org.walletplatform.order.reward.RewardType;
import org.walletplatform.order.reward.StoredOrder;
import org.walletplatform.support.linesigning.DeferredNonce;
import org.walletplatform.support.linesigning.RequestNonces;

import org.springframework.stereotype.Component;

/**
 * Rewards another system grants (coupons, vouchers, virtual items): the order row is
 * written, then {@link RewardDelivery} takes it to the reward's downstream off the
 * request's path, the order number as the downstream's idempotency key.
 */
@Component
class DeliveredRewards implements RewardType {

    private final RewardOrderStore store;

    private final RewardDelivery delivery;

    private final RequestNonces nonces;

    DeliveredRewards(RewardOrderStore store, RewardDelivery delivery, RequestNonces nonces) {
        this.store = store;
        this.delivery = delivery;
        this.nonces = nonces;
    }

    @Override
    public Set<AwardType> awardTypes() {
        return Set.of(AwardType.COUPON, AwardType.VOUCHER, AwardType.ITEM);
    }

    @Override
    public IssueOutcome issue(RewardOrder order, String requestHash, String lessee, DeferredNonce nonce) {
        this.nonces.claim(nonce);
        IssueOutcome outcome = this.store.insertOrFind(order, requestHash, lessee);
        if (outcome.isNew()) {
            this.delivery.deliverLater(order);
        }
        return outcome;
    }

    @Override
    public Optional<StoredOrder> find(OrderNumber number) {
        return this.store.find(number);
    }

}
