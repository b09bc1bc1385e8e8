package org.walletplatform.read.presence;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * {@code presence} in the health endpoint. A refused snapshot makes the instance
 * {@code UNHEALTHY_FOR_PRESENCE}: it still answers correctly (absent users from its last
 * good set, everyone else from the cache), but its set no longer catches up with missed
 * deltas, so an operator must look. Mapped to HTTP 200 and ranked below DOWN, so it
 * alerts without taking the instance out of rotation.
 */
@Component("presence")
class PresenceHealthIndicator implements HealthIndicator {

    static final Status UNHEALTHY_FOR_PRESENCE = new Status("UNHEALTHY_FOR_PRESENCE",
            "The newest presence snapshot failed validation; serving from the last good set");

    private final PresenceFollower follower;

    private final LivePresence presence;

    PresenceHealthIndicator(PresenceFollower follower, LivePresence presence) {
        this.follower = follower;
        this.presence = presence;
    }

    @Override
    public Health health() {
        PresenceHealth health = this.follower.health();
        Health.Builder builder = "refused".equals(health.state()) ? Health.status(UNHEALTHY_FOR_PRESENCE) : Health.up();
        builder.withDetail("state", health.state());
        if (health.snapshotBuiltAt() != null) {
            builder.withDetail("snapshotBuiltAt", health.snapshotBuiltAt().toString());
        }
        if (health.reason() != null) {
            builder.withDetail("reason", health.reason());
        }
        this.presence.current().ifPresent((view) -> {
            builder.withDetail("users", view.cardinality());
            builder.withDetail("journalPosition", view.position());
        });
        return builder.build();
    }

}
