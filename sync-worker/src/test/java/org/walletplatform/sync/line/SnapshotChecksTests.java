package org.walletplatform.sync.line;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.walletplatform.model.Versions;
import org.walletplatform.model.line.AssetItem;
import org.walletplatform.model.line.AssetSnapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnapshotChecksTests {

    private static final AssetItem GOOD = new AssetItem("cash", "cash", "Cash", 100, "CNY");

    static Stream<AssetSnapshot> badShapes() {
        return Stream.of(new AssetSnapshot(8, "cash", 1, List.of(GOOD)),
                new AssetSnapshot(7, "coins", 1, List.of(GOOD)), new AssetSnapshot(7, null, 1, List.of(GOOD)),
                new AssetSnapshot(7, "cash", -1, List.of(GOOD)),
                new AssetSnapshot(7, "cash", Versions.MAX + 1, List.of(GOOD)), new AssetSnapshot(7, "cash", 1, null),
                new AssetSnapshot(7, "cash", 1, Arrays.asList(GOOD, null)),
                new AssetSnapshot(7, "cash", 1, List.of(new AssetItem("", "cash", "x", 1, "CNY"))),
                new AssetSnapshot(7, "cash", 1, List.of(new AssetItem("a", "cash", "x", -1, "CNY"))),
                new AssetSnapshot(7, "cash", 1, List.of(new AssetItem("a", "cash", "x", 1, null))));
    }

    @ParameterizedTest
    @MethodSource("badShapes")
    void shouldRefuseASnapshotOfTheWrongShapeForGood(AssetSnapshot snapshot) {
        assertThatThrownBy(() -> SnapshotChecks.check(snapshot, 7, "cash", 0)).isInstanceOf(PullException.class)
            .isNotInstanceOf(PullException.Retryable.class)
            .extracting((e) -> ((PullException) e).reason())
            .isEqualTo("bad-snapshot");
    }

    @Test
    void shouldAskAgainWhenTheSnapshotIsOlderThanTheNotification() {
        assertThatThrownBy(() -> SnapshotChecks.check(new AssetSnapshot(7, "cash", 4, List.of(GOOD)), 7, "cash", 5))
            .isInstanceOf(PullException.Retryable.class);
    }

    @Test
    void shouldAcceptAWellFormedSnapshotAtOrAboveTheAnnouncedVersion() {
        AssetSnapshot snapshot = new AssetSnapshot(7, "cash", 5, List.of(GOOD));
        assertThat(SnapshotChecks.check(snapshot, 7, "cash", 5)).isSameAs(snapshot);
        assertThat(SnapshotChecks.check(new AssetSnapshot(7, "cash", 0, List.of()), 7, "cash", 0)).isNotNull();
    }

}
