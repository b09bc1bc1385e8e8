package org.walletplatform.model.notification;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * Up to {@link #MAX_SIZE} notifications in one request; all are accepted or none is.
 */
public record NotificationBatchRequest(@NotNull @NotEmpty List<@NotNull @Valid AssetChangeNotification> notifications) {

    public static final int MAX_SIZE = 500;

}
