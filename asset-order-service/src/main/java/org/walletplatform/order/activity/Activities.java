package org.walletplatform.order.activity;

import java.time.Instant;
import java.util.Optional;

import org.walletplatform.order.activity.ActivitiesProperties.ActivitySpec;
import org.walletplatform.order.activity.ActivitiesProperties.Phase;

import org.springframework.stereotype.Component;

/**
 * Picks the child configuration of a parent activity by the request time, so an activity
 * moves from internal testing to gray to production by the clock, without a release.
 */
@Component
public class Activities {

    private final ActivitiesProperties properties;

    Activities(ActivitiesProperties properties) {
        this.properties = properties;
        properties.activities().forEach((id, spec) -> {
            for (Phase a : spec.phases()) {
                for (Phase b : spec.phases()) {
                    if (a != b && a.from().isBefore(b.to()) && b.from().isBefore(a.to())) {
                        throw new IllegalArgumentException(
                                "Activity " + id + ": phases " + a.name() + " and " + b.name() + " overlap");
                    }
                }
            }
        });
    }

    public boolean exists(String activityId) {
        return this.properties.activities().containsKey(activityId);
    }

    /**
     * The phase of {@code activityId} active at {@code time}; empty outside every window.
     */
    public Optional<Phase> phaseAt(String activityId, Instant time) {
        ActivitySpec spec = this.properties.activities().get(activityId);
        return (spec != null) ? spec.phases().stream().filter((p) -> p.covers(time)).findFirst() : Optional.empty();
    }

}
