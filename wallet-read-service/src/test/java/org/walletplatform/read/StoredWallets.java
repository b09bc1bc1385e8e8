package org.walletplatform.read;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.walletplatform.model.line.AssetSnapshot;
import org.walletplatform.read.presence.LivePresence;
import org.walletplatform.model.wallet.LineAssets;
import org.walletplatform.store.presence.PresenceJournal;
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

    public static void store(SnapshotStore store, PresenceJournal journal, LivePresence presence,
            AssetSnapshot... snapshots) {
        var writtenAt = store.upsertNewer(Arrays.asList(snapshots));
        Set<Long> users = Arrays.stream(snapshots).map(AssetSnapshot::userId).collect(Collectors.toSet());
        Set<Long> holding = store.loadWallets(users)
            .entrySet()
            .stream()
            .filter((wallet) -> wallet.getValue().stream().anyMatch(LineAssets::holdsAssets))
            .map(Map.Entry::getKey)
            .collect(Collectors.toSet());
        journal.append(users, holding, writtenAt);
        await().atMost(Duration.ofSeconds(10))
            .pollInterval(Duration.ofMillis(20))
            .until(() -> users.stream().allMatch((u) -> presence.isAbsent(u) != holding.contains(u)));
    }

}
