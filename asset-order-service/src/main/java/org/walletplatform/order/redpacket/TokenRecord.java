package org.walletplatform.order.redpacket;

import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import org.walletplatform.redpacket.token.RedPacketToken;
import org.walletplatform.model.reward.AwardType;
import org.walletplatform.model.reward.OrderNumber;
import org.walletplatform.order.reward.RewardOrder;
import org.walletplatform.order.reward.StoredOrder;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the platform keeps of an issued packet, in Redis and on the settlement topic: the
 * signed token and what the order needs beyond it. Encoded as
 * {@code requestHash|lessee|phase|token|payloadJson} (only the last part may hold a
 * {@code |}); Redis prefixes the status.
 *
 * @param status {@link RedPacketToken#CREATED}, {@code PROCESSING} or {@code SUCCESS}
 */
record TokenRecord(int status, String requestHash, String lessee, String phase, String signedToken, String payloadJson,
        RedPacketToken token) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final TypeReference<Map<String, Object>> PAYLOAD = new TypeReference<>() {
    };

    String orderNo() {
        return this.token.outTradeNo();
    }

    long actId() {
        return this.token.actId();
    }

    long amountMinor() {
        return this.token.amountMinor();
    }

    /** The order this packet is, in {@code state}. */
    RewardOrder toOrder(String state) {
        return new RewardOrder(this.token.outTradeNo(), this.token.actId(),
                this.token.appId().isEmpty() ? null : this.token.appId(), this.token.activityId(), this.phase,
                this.token.sceneId(), this.token.rainId(), AwardType.CASH.code(),
                OrderNumber.parse(this.token.outTradeNo()).stage(), this.token.amountMinor(),
                JSON.readValue(this.payloadJson, PAYLOAD), state, Instant.ofEpochMilli(this.token.openTimeMs()),
                this.signedToken, false);
    }

    /**
     * The order as the API answers it now: accepted while pending, settled once booked.
     */
    StoredOrder toStoredOrder() {
        return new StoredOrder(
                toOrder((this.status == RedPacketToken.SUCCESS) ? RewardOrder.SETTLED : RewardOrder.ACCEPTED),
                this.requestHash);
    }

    String encode() {
        return this.requestHash + "|" + this.lessee + "|" + this.phase + "|" + this.signedToken + "|"
                + this.payloadJson;
    }

    /** Reads a record as Redis holds it: the status first. */
    static TokenRecord decode(String stored) {
        int bar = stored.indexOf('|');
        return decode(Integer.parseInt(stored.substring(0, bar)), stored.substring(bar + 1));
    }

    /** Reads an encoded record (no status) with the given status. */
    static TokenRecord decode(int status, String encoded) {
        String[] parts = encoded.split("\\|", 5);
        String signed = parts[3];
        byte[] payload = Base64.getUrlDecoder().decode(signed.substring(0, signed.indexOf('.')));
        return new TokenRecord(status, parts[0], parts[1], parts[2], signed, parts[4],
                RedPacketToken.fromPayload(JSON, payload));
    }

}
