package org.walletplatform.sync.presence;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.walletplatform.store.presence.PresenceProperties;
import org.walletplatform.store.presence.PresenceSnapshotBuilder;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The write side persists the presence set every {@code snapshotInterval}: whichever sync
 * worker takes the interval's Redis lease brings it up to the journal's head, with a full
 * scan of MySQL every {@code fullScanInterval} ({@link PresenceSnapshotBuilder#refresh}).
 */
@Component
class PresenceSnapshotJob {

    private static final Logger log = LoggerFactory.getLogger(PresenceSnapshotJob.class);

    private static final String LEASE = "wallet:presence:builder";

    private final PresenceSnapshotBuilder builder;

    private final StringRedisTemplate redis;

    private final Duration lease;

    private final Map<PresenceSnapshotBuilder.Refresh, Timer> refreshes = new EnumMap<>(
            PresenceSnapshotBuilder.Refresh.class);

    private final String instance = UUID.randomUUID().toString();

    PresenceSnapshotJob(PresenceSnapshotBuilder builder, StringRedisTemplate redis, PresenceProperties properties,
            MeterRegistry meters) {
        this.builder = builder;
        this.redis = redis;
        this.lease = properties.snapshotInterval().multipliedBy(9).dividedBy(10);
        for (PresenceSnapshotBuilder.Refresh kind : PresenceSnapshotBuilder.Refresh.values()) {
            this.refreshes.put(kind,
                    Timer.builder("wallet.presence.snapshot.builds")
                        .description("Presence snapshots persisted to Redis, by how: a full scan of MySQL or the"
                                + " stored set advanced along the journal")
                        .tag("kind", kind.name().toLowerCase(Locale.ROOT))
                        .register(meters));
        }
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${wallet.presence.snapshot-interval:60s}")
    void buildIfDue() {
        try {
            if (Boolean.TRUE.equals(this.redis.opsForValue().setIfAbsent(LEASE, this.instance, this.lease))) {
                long start = System.nanoTime();
                PresenceSnapshotBuilder.Refresh refresh = this.builder.refresh();
                this.refreshes.get(refresh).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            }
        }
        catch (RuntimeException ex) {
            // readers keep following the journal; the next interval tries again
            log.warn("Presence snapshot not built: {}", ex.toString());
        }
    }

}
