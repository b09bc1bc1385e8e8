package org.walletplatform.model.notification;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * The read side's request that the wallet pull a user's push-mode lines again, sent when
 * the user opens the wallet (pull on entry), to {@link #PATH} of the write service. Not
 * routed by the gateway.
 */
public record RefreshRequest(@NotNull @Positive Long userId) {

    public static final String PATH = "/internal/v1/refresh-requests";

}
