package org.walletplatform.model.reward;

import org.walletplatform.model.TextShapes;

/**
 * A reward order's number,
 * {@code ${actID}_${scene_id}_${rain_id}_${award_type}_${stage}}: the idempotency key of
 * an issuance, built and parsed only here. The same person (actID) in the same scene,
 * rain and stage gets one reward of the type, however often the request is retried.
 *
 * @param actId the person's cross-app id, positive
 * @param sceneId letters, digits and hyphens, 1 to 40
 * @param rainId letters, digits and hyphens, 1 to 40 (a red-packet rain, a round, a day)
 * @param awardType the scene's reward type
 * @param stage 0 to 9999
 */
public record OrderNumber(long actId, String sceneId, String rainId, AwardType awardType, int stage) {

    public static final int MAX_STAGE = 9999;

    public OrderNumber {
        if (actId <= 0) {
            throw new InvalidOrderNumberException("actId must be positive");
        }
        requirePart("sceneId", sceneId);
        requirePart("rainId", rainId);
        if (awardType == null) {
            throw new InvalidOrderNumberException("awardType is missing");
        }
        if (stage < 0 || stage > MAX_STAGE) {
            throw new InvalidOrderNumberException("stage must be 0 to " + MAX_STAGE);
        }
    }

    /** Parses the text form; every part is checked as in the constructor. */
    public static OrderNumber parse(String text) {
        String[] parts = (text != null) ? text.split("_", -1) : new String[0];
        if (parts.length != 5) {
            throw new InvalidOrderNumberException(
                    "an order number has 5 parts separated by '_' (actID, scene, rain, award type, stage); found "
                            + parts.length);
        }
        return new OrderNumber(number("actId", parts[0]), parts[1], parts[2],
                AwardType.fromCode(parts[3])
                    .orElseThrow(() -> new InvalidOrderNumberException("unknown award type '" + parts[3] + "'")),
                (int) Math.min(Integer.MAX_VALUE, number("stage", parts[4])));
    }

    @Override
    public String toString() {
        return this.actId + "_" + this.sceneId + "_" + this.rainId + "_" + this.awardType.code() + "_" + this.stage;
    }

    private static long number(String name, String digits) {
        if (!TextShapes.isDigits(digits, 19)) {
            throw new InvalidOrderNumberException(name + " must be a whole number");
        }
        try {
            return Long.parseLong(digits);
        }
        catch (NumberFormatException ex) {
            throw new InvalidOrderNumberException(name + " is too large");
        }
    }

    private static void requirePart(String name, String value) {
        if (!TextShapes.isToken(value, 1, 40, "-")) {
            throw new InvalidOrderNumberException(name + " must be 1 to 40 letters, digits or hyphens");
        }
    }

    /** Parts that do not make an order number; the message names the part. */
    public static class InvalidOrderNumberException extends IllegalArgumentException {

        public InvalidOrderNumberException(String message) {
            super(message);
        }

    }

}
