package org.walletplatform.order.reward;

import java.time.Instant;
import java.util.Map;

/**
 * A reward order as the API answers it.
 *
 * @param state {@code accepted} (budget taken, order written); delivery states come with
 * the reward-type downstreams
 * @param replay true when this answer is the stored result of an earlier request with the
 * same order number and the same content
 */
public record RewardOrder(String orderNo, long actId, String activityId, String sceneId, String rainId,
        String awardType, int stage, long amountMinor, Map<String, Object> payload, String state, Instant createdAt,
        boolean replay) {

    static final String ACCEPTED = "accepted";

    RewardOrder asReplay() {
        return new RewardOrder(this.orderNo, this.actId, this.activityId, this.sceneId, this.rainId, this.awardType,
                this.stage, this.amountMinor, this.payload, this.state, this.createdAt, true);
    }

}
