package org.walletplatform.model.notification;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * The read side's request that the wallet pull the push-mode lines of up to
 * {@link #MAX_USERS} users again, sent when they open the wallet (pull on entry), to
 * {@link #PATH} of the write service. Batched: a read instance sends the entries that
 * waited while its previous request was in flight, so a burst of first visits costs a few
 * requests, not one per user. Not routed by the gateway.
 */
public record RefreshRequest(@NotNull @Size(min = 1, max = MAX_USERS) List<@NotNull @Positive Long> userIds) {

    public static final String PATH = "/internal/v1/refresh-requests";

    public static final int MAX_USERS = 500;

}
