package org.walletplatform.order.reward;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import org.walletplatform.order.activity.ActivitiesProperties.Phase;

/**
 * A reward order as the API answers it.
 *
 * @param phase the activity phase it was issued in ({@code test} orders have their own
 * budget and are never delivered)
 * @param state {@code accepted} (budget taken, order written), then for non-cash rewards
 * {@code delivering}, and {@code delivered} or {@code failed} (the downstream refused it
 * for good); cash red packets stay {@code accepted} until their settlement exists
 * @param appId the app the request named the person by, if it did
 * @param token for a cash red packet, the signed token the client holds
 * @param replay true when this answer is the stored result of an earlier request with the
 * same order number and the same content
 */
public record RewardOrder(String orderNo, long actId, @JsonInclude(JsonInclude.Include.NON_NULL) String appId,
        String activityId, String phase, String sceneId, String rainId, String awardType, int stage, long amountMinor,
        Map<String, Object> payload, String state, Instant createdAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String token, boolean replay) {

    public static final String ACCEPTED = "accepted";

    public static final String DELIVERING = "delivering";

    public static final String DELIVERED = "delivered";

    public static final String FAILED = "failed";

    /** A cash red packet booked into the user's balance. */
    public static final String SETTLED = "settled";

    /** Whether the order was issued in an isolated (internal test) phase. */
    @JsonIgnore // not a field of the API: Jackson would answer it as "olated"
    public boolean isolated() {
        return isolated(this.phase);
    }

    /** Whether orders of {@code phase} are isolated (internal testing). */
    public static boolean isolated(String phase) {
        return Phase.ISOLATED.equals(phase);
    }

    /** This order carrying the signed token of its red packet. */
    public RewardOrder withToken(String signedToken) {
        return new RewardOrder(this.orderNo, this.actId, this.appId, this.activityId, this.phase, this.sceneId,
                this.rainId, this.awardType, this.stage, this.amountMinor, this.payload, this.state, this.createdAt,
                signedToken, this.replay);
    }

    RewardOrder asReplay() {
        return new RewardOrder(this.orderNo, this.actId, this.appId, this.activityId, this.phase, this.sceneId,
                this.rainId, this.awardType, this.stage, this.amountMinor, this.payload, ACCEPTED, this.createdAt,
                this.token, true);
    }

}
