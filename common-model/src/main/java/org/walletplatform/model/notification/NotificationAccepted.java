package org.walletplatform.model.notification;

/**
 * Answer of the intake once the broker acknowledged every notification of the request.
 */
public record NotificationAccepted(int accepted) {
}
