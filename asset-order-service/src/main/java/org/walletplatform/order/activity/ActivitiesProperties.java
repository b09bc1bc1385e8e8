package org.walletplatform.order.activity;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Activities ({@code order.activities.<id>.phases}): a parent activity and its child
 * configurations, each active in a time window.
 */
@ConfigurationProperties("order")
public record ActivitiesProperties(Map<String, ActivitySpec> activities) {

    public ActivitiesProperties {
        activities = (activities != null) ? activities : Map.of();
    }

    /** One activity's phases, in any order; windows must not overlap. */
    public record ActivitySpec(List<Phase> phases) {

    }

    /**
     * A child configuration: {@code test} (internal testing: its own budget, nothing
     * delivered), {@code gray} or {@code production}, active in [{@code from},
     * {@code to}).
     */
    public record Phase(String name, Instant from, Instant to) {

        /** The phase whose data is isolated from production. */
        public static final String ISOLATED = "test";

        /** The phase that issues for real. */
        public static final String PRODUCTION = "production";

        public boolean isolated() {
            return ISOLATED.equals(this.name);
        }

        boolean covers(Instant time) {
            return !time.isBefore(this.from) && time.isBefore(this.to);
        }

    }

}
