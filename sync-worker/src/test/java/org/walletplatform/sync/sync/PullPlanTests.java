package org.walletplatform.sync.sync;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.walletplatform.model.notification.AssetChangeNotification;

import static org.assertj.core.api.Assertions.assertThat;

class PullPlanTests {

    @Test
    void shouldPlanOnePullPerUserAndLineWithTheHighestAnnouncedVersion() {
        List<Decoded> batch = new ArrayList<>();
        for (long v = 1; v <= 10; v++) {
            batch.add(decoded(7, "cash", (v == 4) ? null : v * 3 % 11));
        }
        batch.add(decoded(7, "coupons", 2L));
        batch.add(decoded(8, "cash", null));

        PullPlan plan = PullPlan.of(batch);

        assertThat(plan.notifications()).isEqualTo(12);
        assertThat(plan.pulls()).isEqualTo(3);
        assertThat(plan.byLine().get("cash").get(7L).announcedVersion()).isEqualTo(10);
        assertThat(plan.byLine().get("cash").get(7L).records()).hasSize(10);
        assertThat(plan.byLine().get("cash").get(8L).announcedVersion()).isZero();
        assertThat(plan.byLine().get("coupons").get(7L).announcedVersion()).isEqualTo(2);
    }

    private static Decoded decoded(long userId, String line, Long version) {
        return new Decoded(new ConsumerRecord<>("t", 0, 0, Long.toString(userId), "{}"),
                AssetChangeNotification.of(userId, line, version));
    }

}
