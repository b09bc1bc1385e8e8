package org.walletplatform.order.withdrawal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/**
 * One withdrawal as the client asks for it.
 *
 * @param withdrawalNo the client's idempotency key, unique per account
 * @param amountMinor what to pay out, in minor units
 */
record WithdrawalRequest(@NotNull @Positive Long actId,
        @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,64}") String withdrawalNo, @NotNull @Positive Long amountMinor) {

}
