package org.walletplatform.redpacket.token;

import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * What a signed red-packet token states (the seed's fields). The order number is
 * {@code outTradeNo}; {@code keyId} names the key that signed it. The status in a token
 * is the one it was issued with ({@link #CREATED}); where the packet is now is the
 * server's record.
 */
public record RedPacketToken(String keyId, String appId, long actId, String activityId, String sceneId,
        long amountMinor, String outTradeNo, long openTimeMs, String rainId, int status) {

    public static final int CREATED = 1;

    public static final int PROCESSING = 2;

    public static final int SUCCESS = 8;

    /**
     * The signed bytes: compact JSON with a fixed field order, written by hand because
     * this runs once per issued packet. Every string is a validated id (letters, digits,
     * {@code -_~}), so nothing needs escaping.
     */
    public String payloadJson() {
        return new StringBuilder(256).append("{\"kid\":\"")
            .append(this.keyId)
            .append("\",\"appId\":\"")
            .append(this.appId)
            .append("\",\"actId\":")
            .append(this.actId)
            .append(",\"activityId\":\"")
            .append(this.activityId)
            .append("\",\"sceneId\":\"")
            .append(this.sceneId)
            .append("\",\"amount\":")
            .append(this.amountMinor)
            .append(",\"outTradeNo\":\"")
            .append(this.outTradeNo)
            .append("\",\"openTime\":")
            .append(this.openTimeMs)
            .append(",\"rainId\":\"")
            .append(this.rainId)
            .append("\",\"status\":")
            .append(this.status)
            .append('}')
            .toString();
    }

    /** Reads a payload written by {@link #payloadJson()}. */
    public static RedPacketToken fromPayload(JsonMapper json, byte[] payload) {
        Map<?, ?> fields = json.readValue(payload, Map.class);
        return new RedPacketToken(text(fields, "kid"), text(fields, "appId"), number(fields, "actId"),
                text(fields, "activityId"), text(fields, "sceneId"), number(fields, "amount"),
                text(fields, "outTradeNo"), number(fields, "openTime"), text(fields, "rainId"),
                (int) number(fields, "status"));
    }

    private static String text(Map<?, ?> fields, String name) {
        if (fields.get(name) instanceof String value) {
            return value;
        }
        throw new InvalidTokenException(InvalidTokenException.Reason.MALFORMED, "field " + name + " missing");
    }

    private static long number(Map<?, ?> fields, String name) {
        if (fields.get(name) instanceof Number value && !(value instanceof Double || value instanceof Float)) {
            return value.longValue();
        }
        throw new InvalidTokenException(InvalidTokenException.Reason.MALFORMED, "field " + name + " missing");
    }

}
