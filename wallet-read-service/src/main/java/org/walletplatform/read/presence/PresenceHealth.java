package org.walletplatform.read.presence;

import java.time.Instant;

/**
 * What the follower last did with a snapshot.
 *
 * @param state {@code waiting} (no snapshot yet), {@code following}, or {@code refused}
 * (the newest snapshot failed validation; the last good one stays in use)
 * @param snapshotBuiltAt the snapshot in use, or the one refused
 * @param reason why it was refused
 */
record PresenceHealth(String state, Instant snapshotBuiltAt, String reason) {

    static PresenceHealth waiting() {
        return new PresenceHealth("waiting", null, null);
    }

    static PresenceHealth following(Instant builtAt) {
        return new PresenceHealth("following", builtAt, null);
    }

    static PresenceHealth refused(Instant builtAt, String reason) {
        return new PresenceHealth("refused", builtAt, reason);
    }

}
