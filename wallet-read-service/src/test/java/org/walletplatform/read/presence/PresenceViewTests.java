package org.walletplatform.read.presence;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.walletplatform.presence.PresenceSet;
import org.walletplatform.store.presence.PresenceDelta;

import static org.assertj.core.api.Assertions.assertThat;

class PresenceViewTests {

    private final PresenceView loaded = PresenceView.of(PresenceSet.of(1, 2, 3), "5-0", Instant.EPOCH);

    @Test
    void shouldApplyGainsAndLossesAndMoveToTheDeltasPosition() {
        PresenceView view = this.loaded.apply(delta("6-0", new long[] { 4, 1 }, new long[] { 2, 99 }), 100);

        assertThat(view.contains(1)).isTrue();
        assertThat(view.contains(2)).isFalse();
        assertThat(view.contains(3)).isTrue();
        assertThat(view.contains(4)).isTrue();
        assertThat(view.contains(99)).isFalse();
        assertThat(view.cardinality()).isEqualTo(3);
        assertThat(view.position()).isEqualTo("6-0");
        assertThat(this.loaded.contains(2)).as("the old view is untouched").isTrue();
    }

    @Test
    void shouldKeepTheCountExactWhenTheSameUserComesAndGoes() {
        PresenceView view = this.loaded;
        for (int round = 0; round < 3; round++) {
            view = view.apply(delta(round + "-1", new long[0], new long[] { 2, 7 }), 100);
            view = view.apply(delta(round + "-2", new long[] { 2, 7 }, new long[0]), 100);
        }

        assertThat(view.contains(2)).isTrue();
        assertThat(view.contains(7)).isTrue();
        assertThat(view.cardinality()).isEqualTo(4);
    }

    @Test
    void shouldAgreeWithAPlainSetOverARandomHistoryAcrossCompactions() {
        SplittableRandom random = new SplittableRandom(42);
        Set<Long> truth = new HashSet<>(Set.of(1L, 2L, 3L));
        PresenceView view = this.loaded;
        for (int i = 0; i < 2_000; i++) {
            long id = random.nextLong(1, 300);
            boolean holds = random.nextBoolean();
            if (holds) {
                truth.add(id);
            }
            else {
                truth.remove(id);
            }
            view = view.apply(
                    delta(i + "-0", holds ? new long[] { id } : new long[0], holds ? new long[0] : new long[] { id }),
                    16);
        }

        for (long id = 0; id < 310; id++) {
            assertThat(view.contains(id)).as("id %d", id).isEqualTo(truth.contains(id));
        }
        assertThat(view.cardinality()).isEqualTo(truth.size());
        assertThat(view.gained().cardinality() + view.lost().cardinality()).isLessThanOrEqualTo(17);
    }

    private static PresenceDelta delta(String id, long[] present, long[] absent) {
        return new PresenceDelta(id, 0, present, absent);
    }

}
