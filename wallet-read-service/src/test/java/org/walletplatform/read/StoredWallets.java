package org.walletplatform.read;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.walletplatform.model.line.AssetSnapshot;
import org.walletplatform.read.presence.LivePresence;
import org.walletplatform.store.presence.PresenceRecorder;
import org.walletplatform.store.snapshot.SnapshotStore;

import static org.awaitility.Awaitility.await;

/**
 * Stores snapshots as the sync worker does (database write, then the presence journal)
 * and waits until this instance's presence set has caught up, so a test reads what it
 * stored.
 */
public final class StoredWallets {

    private StoredWallets() {
    }

    public static void store(SnapshotStore store, PresenceRecorder recorder, LivePresence presence,
            AssetSnapshot... snapshots) {
        var writtenAt = store.upsertNewer(Arrays.asList(snapshots));
        Set<Long> users = Arrays.stream(snapshots).map(AssetSnapshot::userId).collect(Collectors.toSet());
        recorder.recordWrite(users, writtenAt);
        Set<Long> holding = store.presentAmong(users);
        await().atMost(Duration.ofSeconds(10))
            .pollInterval(Duration.ofMillis(20))
            .until(() -> users.stream().allMatch((u) -> presence.isAbsent(u) != holding.contains(u)));
    }

}
