package org.walletplatform.sync.sync;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * Sync meters. Tags are bounded: business line ids come from integration config and
 * dead-letter reasons from a fixed vocabulary; never a user id. Tagged meters are built
 * once per tag value and kept rather than looked up on every call.
 */
@Component
public class SyncMetrics {

    static final String NOTIFICATIONS = "wallet.sync.notifications";

    static final String BATCH_SIZE = "wallet.sync.batch.size";

    static final String COALESCING = "wallet.sync.coalescing.ratio";

    static final String SNAPSHOTS_STORED = "wallet.sync.snapshots.stored";

    static final String DEAD_LETTERS = "wallet.sync.dead.letters";

    static final String PULL_LATENCY = "wallet.sync.pull.latency";

    static final String STAGE = "wallet.sync.stage";

    static final String TAG_LINE = "line";

    static final String TAG_REASON = "reason";

    /**
     * A few fixed buckets: a full percentile histogram cost a tenth of the worker's CPU
     * at 20,000 pulls/s.
     */
    private static final Duration[] PULL_LATENCY_BUCKETS = { Duration.ofMillis(5), Duration.ofMillis(10),
            Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2) };

    private final MeterRegistry registry;

    private final Counter notifications;

    private final Counter stored;

    private final DistributionSummary batchSize;

    private final DistributionSummary coalescing;

    private final Timer storing;

    private final Timer caching;

    private final Map<String, Counter> deadLetters = new ConcurrentHashMap<>();

    private final Map<String, Timer> pullLatency = new ConcurrentHashMap<>();

    public SyncMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.notifications = Counter.builder(NOTIFICATIONS).description("Notifications consumed").register(registry);
        this.stored = Counter.builder(SNAPSHOTS_STORED).description("Snapshots upserted").register(registry);
        this.batchSize = DistributionSummary.builder(BATCH_SIZE)
            .description("Records per consumed batch")
            .register(registry);
        this.coalescing = DistributionSummary.builder(COALESCING)
            .description("Notifications per snapshot pulled, per batch")
            .register(registry);
        // per batch, not per command: Lettuce's own observation of every command was ~5 %
        // of the worker's CPU, so it is off (application.yml)
        this.storing = Timer.builder(STAGE)
            .tag("stage", "store")
            .description("A batch's upserts into MySQL")
            .register(registry);
        this.caching = Timer.builder(STAGE)
            .tag("stage", "cache")
            .description("A batch's merge into the cached wallets in Redis, and its presence journal entry")
            .register(registry);
    }

    <T> T timeStore(Supplier<T> upsert) {
        return this.storing.record(upsert);
    }

    void timeCache(Runnable refresh) {
        this.caching.record(refresh);
    }

    void batch(int records, int snapshotsPulled) {
        this.notifications.increment(records);
        this.batchSize.record(records);
        if (snapshotsPulled > 0) {
            this.coalescing.record((double) records / snapshotsPulled);
        }
    }

    void stored(int snapshots) {
        this.stored.increment(snapshots);
    }

    void deadLettered(String reason) {
        this.deadLetters
            .computeIfAbsent(reason, (r) -> Counter.builder(DEAD_LETTERS).tag(TAG_REASON, r).register(this.registry))
            .increment();
    }

    public <T> T timePull(String businessLine, Supplier<T> call) {
        return this.pullLatency
            .computeIfAbsent(businessLine,
                    (l) -> Timer.builder(PULL_LATENCY)
                        .tag(TAG_LINE, l)
                        .serviceLevelObjectives(PULL_LATENCY_BUCKETS)
                        .register(this.registry))
            .record(call);
    }

}
