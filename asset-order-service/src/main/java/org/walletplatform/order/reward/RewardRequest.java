package org.walletplatform.order.reward;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * One issuance, as a business line asks for it. The person is named either by
 * {@code actId} or by an app account ({@code appId}, {@code appUserId}) bound to one. The
 * order number is built from the actID, {@code sceneId}, {@code rainId},
 * {@code awardType} and {@code stage}.
 *
 * @param payload what the reward type needs (a coupon template, an item id), at most 32
 * entries
 */
record RewardRequest(@Positive Long actId, @Pattern(regexp = "[A-Za-z0-9-]{1,32}") String appId,
        @Pattern(regexp = "[A-Za-z0-9_-]{1,64}") String appUserId,
        @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String activityId,
        @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String sceneId,
        @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String rainId,
        @NotBlank @Pattern(regexp = "cash|coupon|voucher|item") String awardType,
        @NotNull @PositiveOrZero Integer stage, @NotNull @Positive Long amountMinor,
        @Size(max = 32) Map<String, Object> payload) {

    RewardRequest {
        payload = (payload != null) ? payload : Map.of();
    }

    @AssertTrue(message = "name the person either by actId or by appId and appUserId")
    @JsonIgnore
    boolean isOnePerson() {
        return (this.actId != null) == (this.appId == null && this.appUserId == null)
                && (this.appId == null) == (this.appUserId == null);
    }

}
