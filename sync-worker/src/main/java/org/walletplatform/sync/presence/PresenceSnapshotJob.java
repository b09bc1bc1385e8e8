package org.walletplatform.sync.presence;

import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

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

    private final MeterRegistry meters;

    private final String instance = UUID.randomUUID().toString();

    PresenceSnapshotJob(PresenceSnapshotBuilder builder, StringRedisTemplate redis, PresenceProperties properties,
            MeterRegistry meters) {
        this.builder = builder;
        this.redis = redis;
        this.lease = properties.snapshotInterval().multipliedBy(9).dividedBy(10);
        this.meters = meters;
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${wallet.presence.snapshot-interval:60s}")
    void buildIfDue() {
        try {
            if (Boolean.TRUE.equals(this.redis.opsForValue().setIfAbsent(LEASE, this.instance, this.lease))) {
                Timer.Sample sample = Timer.start(this.meters);
                PresenceSnapshotBuilder.Refresh refresh = this.builder.refresh();
                sample.stop(Timer.builder("wallet.presence.snapshot.builds")
                    .description("Presence snapshots persisted to Redis, by how: a full scan of MySQL or the"
                            + " stored set advanced along the journal")
                    .tag("kind", refresh.name().toLowerCase(Locale.ROOT))
                    .register(this.meters));
            }
        }
        catch (RuntimeException ex) {
            // readers keep following the journal; the next interval tries again
            log.warn("Presence snapshot not built: {}", ex.toString());
        }
    }

}
