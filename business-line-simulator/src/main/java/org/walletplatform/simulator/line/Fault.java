package org.walletplatform.simulator.line;

import java.util.Set;

/**
 * A fault a simulated line shows, for tests and demos.
 *
 * @param mode {@code none}, {@code slow} (answers after {@code delayMs}), {@code fail}
 * (answers 503) or {@code malformed} (answers a snapshot of the wrong shape)
 * @param userIds the users affected; empty means every user
 */
public record Fault(String mode, long delayMs, Set<Long> userIds) {

    public static final Fault NONE = new Fault("none", 0, Set.of());

    boolean affects(long userId) {
        return !"none".equals(this.mode)
                && (this.userIds == null || this.userIds.isEmpty() || this.userIds.contains(userId));
    }

}
