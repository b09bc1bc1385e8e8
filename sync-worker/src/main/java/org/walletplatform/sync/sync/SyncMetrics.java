package org.walletplatform.sync.sync;

import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * Sync meters. Tags are bounded: business line ids come from integration config and dead-letter reasons from a
 * fixed vocabulary; never a user id.
 */
@Component
public class SyncMetrics {

    static final String NOTIFICATIONS = "wallet.sync.notifications";

    static final String BATCH_SIZE = "wallet.sync.batch.size";

    static final String COALESCING = "wallet.sync.coalescing.ratio";

    static final String SNAPSHOTS_STORED = "wallet.sync.snapshots.stored";

    static final String DEAD_LETTERS = "wallet.sync.dead.letters";

    static final String PULL_LATENCY = "wallet.sync.pull.latency";

    static final String TAG_LINE = "line";

    static final String TAG_REASON = "reason";

    private final MeterRegistry registry;

    SyncMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void batch(int records, int snapshotsPulled) {
        this.registry.counter(NOTIFICATIONS).increment(records);
        DistributionSummary.builder(BATCH_SIZE).description("Records per consumed batch").register(this.registry)
            .record(records);
        if (snapshotsPulled > 0) {
            DistributionSummary.builder(COALESCING)
                .description("Notifications per snapshot pulled, per batch")
                .register(this.registry)
                .record((double) records / snapshotsPulled);
        }
    }

    void stored(int snapshots) {
        this.registry.counter(SNAPSHOTS_STORED).increment(snapshots);
    }

    void deadLettered(String reason) {
        Counter.builder(DEAD_LETTERS).tag(TAG_REASON, reason).register(this.registry).increment();
    }

    public <T> T timePull(String businessLine, Supplier<T> call) {
        return Timer.builder(PULL_LATENCY)
            .tag(TAG_LINE, businessLine)
            .publishPercentileHistogram()
            .register(this.registry)
            .record(call);
    }

}
