package org.walletplatform.order.reward;

import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * One issuance, as a business line asks for it. The order number is built from the
 * request ({@code actId}, {@code sceneId}, {@code rainId}, {@code awardType},
 * {@code stage}).
 *
 * @param payload what the reward type needs (a coupon template, an item id), at most 32
 * entries
 */
record RewardRequest(@NotNull @Positive Long actId, @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String activityId,
        @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String sceneId,
        @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String rainId,
        @NotBlank @Pattern(regexp = "cash|coupon|voucher|item") String awardType,
        @NotNull @PositiveOrZero Integer stage, @NotNull @Positive Long amountMinor,
        @Size(max = 32) Map<String, Object> payload) {

    RewardRequest {
        payload = (payload != null) ? payload : Map.of();
    }

}
