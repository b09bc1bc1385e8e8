package org.walletplatform.order.redpacket;

import java.util.Optional;
import java.util.Set;

import org.walletplatform.model.reward.AwardType;
import org.walletplatform.model.reward.OrderNumber;
import org.walletplatform.order.reward.RewardOrder;
import org.walletplatform.order.reward.RewardOrderStore;
import org.walletplatform.order.reward.RewardType;
import org.walletplatform.order.reward.StoredOrder;

import org.springframework.stereotype.Component;

/**
 * Cash red packets, written as an order row per request: no downstream is involved, the
 * order is the user's claim on the money.
 */
@Component
class CashRewards implements RewardType {

    private final RewardOrderStore store;

    CashRewards(RewardOrderStore store) {
        this.store = store;
    }

    @Override
    public Set<AwardType> awardTypes() {
        return Set.of(AwardType.CASH);
    }

    @Override
    public Optional<StoredOrder> issue(RewardOrder order, String requestHash, String lessee) {
        if (!this.store.insert(order, requestHash, lessee)) {
            return this.store.find(OrderNumber.parse(order.orderNo()));
        }
        return Optional.empty();
    }

    @Override
    public Optional<StoredOrder> find(OrderNumber number) {
        return this.store.find(number);
    }

}
