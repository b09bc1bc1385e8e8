package org.walletplatform.sync.sync;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import jakarta.validation.Validator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.walletplatform.model.line.AssetSnapshot;
import org.walletplatform.model.wallet.LineAssets;
import org.walletplatform.store.cache.WalletCache;
import org.walletplatform.store.presence.PresenceJournal;
import org.walletplatform.store.snapshot.SnapshotStore;
import org.walletplatform.sync.line.PullException;
import org.walletplatform.sync.line.PullOutcome;
import org.walletplatform.sync.line.SnapshotPuller;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;

/**
 * Syncs one consumed batch: decode, coalesce to one pull per (line, user), pull all lines
 * in parallel, upsert the snapshots (version-guarded), merge them into the users' cached
 * wallets, journal the users' presence, dead-letter what failed. Returns only when all of
 * that is durable, so the listener container commits the batch's offsets after the
 * database write. A failure of MySQL, Redis or Kafka itself throws: the whole batch is
 * retried, which is safe because every step is idempotent.
 */
@Service
class SyncService {

    private final SnapshotPuller puller;

    private final SnapshotStore store;

    private final WalletCache cache;

    private final PresenceJournal presence;

    private final DeadLetters deadLetters;

    private final SyncMetrics metrics;

    private final JsonMapper json;

    private final Validator validator;

    private final ExecutorService lines = Executors.newVirtualThreadPerTaskExecutor();

    SyncService(SnapshotPuller puller, SnapshotStore store, WalletCache cache, PresenceJournal presence,
            DeadLetters deadLetters, SyncMetrics metrics, JsonMapper json, Validator validator) {
        this.puller = puller;
        this.store = store;
        this.cache = cache;
        this.presence = presence;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.json = json;
        this.validator = validator;
    }

    void sync(List<ConsumerRecord<String, String>> records) {
        List<Decoded> decoded = records.stream().map((r) -> Decoded.of(r, this.json, this.validator)).toList();
        List<DeadLetters.DeadLetter> letters = new ArrayList<>();
        decoded.stream()
            .filter(Decoded::poison)
            .forEach((d) -> letters.add(new DeadLetters.DeadLetter(d.record(), "poison", "not a valid notification")));
        PullPlan plan = PullPlan.of(decoded.stream().filter((d) -> !d.poison()).toList());

        List<AssetSnapshot> snapshots = new ArrayList<>();
        for (PullOutcome outcome : pullAll(plan)) {
            // a user no line has seen (e.g. a pull on entry of a user who holds nothing)
            // writes no row and no cached wallet
            outcome.snapshots().values().stream().filter((s) -> !s.neverSeen()).forEach(snapshots::add);
            Map<Long, PullPlan.Wanted> wanted = plan.byLine().get(outcome.businessLine());
            outcome.failures()
                .forEach((userId, failure) -> wanted.get(userId)
                    .records()
                    .forEach(
                            (r) -> letters.add(new DeadLetters.DeadLetter(r, failure.reason(), failure.getMessage()))));
        }
        if (!snapshots.isEmpty()) {
            Instant syncedAt = this.metrics.timeStore(() -> this.store.upsertNewer(snapshots));
            Set<Long> users = snapshots.stream().map(AssetSnapshot::userId).collect(Collectors.toSet());
            this.metrics.timeCache(() -> this.presence.append(users, refreshCache(snapshots, syncedAt), syncedAt));
        }
        this.deadLetters.publish(letters);
        this.metrics.batch(records.size(), plan.pulls());
        this.metrics.stored(snapshots.size());
    }

    /**
     * Merges the stored lines into cached wallets; users not cached get their whole
     * wallet read back from MySQL, since the lines of this batch alone would be a partial
     * wallet.
     * @return the users whose whole wallet now holds assets, as the merges answer it (a
     * cached wallet holds every stored line at its newest version once this batch's are
     * merged; one read back holds them all)
     */
    private Set<Long> refreshCache(List<AssetSnapshot> snapshots, Instant syncedAt) {
        Map<Long, List<LineAssets>> changed = snapshots.stream()
            .collect(Collectors.groupingBy(AssetSnapshot::userId, TreeMap::new, Collectors.mapping(
                    (s) -> new LineAssets(s.businessLine(), s.version(), syncedAt, s.assets()), Collectors.toList())));
        WalletCache.Merged merged = this.cache.mergeIntoCached(changed);
        Set<Long> holding = new HashSet<>(merged.holding());
        if (!merged.notCached().isEmpty()) {
            holding.addAll(this.cache.fill(this.store.loadWallets(merged.notCached())));
        }
        return holding;
    }

    private List<PullOutcome> pullAll(PullPlan plan) {
        List<CompletableFuture<PullOutcome>> pulls = plan.byLine()
            .entrySet()
            .stream()
            .map((line) -> CompletableFuture.supplyAsync(
                    () -> this.puller.pull(line.getKey(),
                            line.getValue()
                                .entrySet()
                                .stream()
                                .collect(Collectors.toMap(Map.Entry::getKey, (e) -> e.getValue().announcedVersion()))),
                    this.lines))
            .toList();
        return pulls.stream().map(CompletableFuture::join).toList();
    }

    @PreDestroy
    void close() {
        this.lines.shutdownNow();
    }

}
