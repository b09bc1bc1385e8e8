package org.walletplatform.order.reward;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.walletplatform.model.reward.AwardType;

import org.springframework.stereotype.Component;

/**
 * The {@link RewardType} serving each award type. Every award type must be served by
 * exactly one, which is checked at start-up.
 */
@Component
class RewardTypes {

    private final Map<AwardType, RewardType> byAwardType = new EnumMap<>(AwardType.class);

    RewardTypes(List<RewardType> types) {
        for (RewardType type : types) {
            for (AwardType awardType : type.awardTypes()) {
                RewardType earlier = this.byAwardType.put(awardType, type);
                if (earlier != null) {
                    throw new IllegalStateException(
                            "Award type " + awardType.code() + " is served by both " + earlier + " and " + type);
                }
            }
        }
        for (AwardType awardType : AwardType.values()) {
            if (!this.byAwardType.containsKey(awardType)) {
                throw new IllegalStateException("No RewardType serves award type " + awardType.code());
            }
        }
    }

    RewardType of(AwardType awardType) {
        return this.byAwardType.get(awardType);
    }

}
