package org.walletplatform.read.presence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.walletplatform.presence.PresenceSet;
import org.walletplatform.presence.PresenceSetFormat;
import org.walletplatform.presence.PresenceSetFormat.InvalidPresenceSetException;
import org.walletplatform.store.presence.PresenceDelta;
import org.walletplatform.store.presence.PresenceJournal;
import org.walletplatform.store.presence.PresenceProperties;
import org.walletplatform.store.presence.PresenceSnapshots;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link LivePresence} current: loads the persisted snapshot (bootstrap, and again
 * whenever the write side has built a newer one), then follows the journal from the
 * snapshot's position, on one virtual thread. A snapshot is installed only after the
 * journal has been replayed onto it, so a reload never turns back the clock. Bytes that
 * fail validation are refused: the instance keeps its last good view and its health says
 * so until a good snapshot arrives.
 */
@Component
class PresenceFollower implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PresenceFollower.class);

    /** Overlay size past which deltas are folded into the base set. */
    private static final long COMPACT_ABOVE = 100_000;

    private final LivePresence presence;

    private final PresenceJournal journal;

    private final PresenceSnapshots snapshots;

    private final PresenceProperties properties;

    private final Clock clock;

    private final Timer staleness;

    private final Counter loaded;

    private final Counter rejected;

    private volatile Thread thread;

    private volatile PresenceHealth health = PresenceHealth.waiting();

    /** A snapshot refused once is not fetched again; a newer one is. */
    private Instant refusedBuiltAt;

    private boolean reloadForced;

    private Instant nextReloadCheck = Instant.MIN;

    PresenceFollower(LivePresence presence, PresenceJournal journal, PresenceSnapshots snapshots,
            PresenceProperties properties, Clock clock, MeterRegistry meters) {
        this.presence = presence;
        this.journal = journal;
        this.snapshots = snapshots;
        this.properties = properties;
        this.clock = clock;
        this.staleness = Timer.builder("wallet.presence.staleness")
            .description("From the database write to the delta being visible on this instance")
            .publishPercentileHistogram()
            .register(meters);
        this.loaded = Counter.builder("wallet.presence.snapshot.loads").tag("result", "loaded").register(meters);
        this.rejected = Counter.builder("wallet.presence.snapshot.loads").tag("result", "rejected").register(meters);
    }

    PresenceHealth health() {
        return this.health;
    }

    /** One round: reload if due, then apply what the journal holds. */
    boolean step() {
        Instant now = this.clock.instant();
        if (this.reloadForced || this.presence.current().isEmpty() || !now.isBefore(this.nextReloadCheck)) {
            this.nextReloadCheck = now.plus(this.properties.reloadCheckInterval());
            reloadIfNewer();
        }
        Optional<PresenceView> current = this.presence.current();
        if (current.isEmpty()) {
            return false;
        }
        List<PresenceDelta> deltas = this.journal.readAfter(current.get().position(), this.properties.pollBatch());
        this.presence.publish(applyAll(current.get(), deltas));
        long applied = this.clock.millis();
        deltas.forEach((d) -> this.staleness.record(Math.max(0, applied - d.writtenAtMs()), TimeUnit.MILLISECONDS));
        return deltas.size() == this.properties.pollBatch();
    }

    private void reloadIfNewer() {
        Optional<Instant> builtAt = this.snapshots.builtAt();
        Optional<PresenceView> current = this.presence.current();
        if (builtAt.isEmpty() || builtAt.get().equals(this.refusedBuiltAt) || (!this.reloadForced && current.isPresent()
                && !builtAt.get().isAfter(current.get().snapshotBuiltAt()))) {
            return;
        }
        Optional<PresenceSnapshots.Stored> stored = this.snapshots.load();
        if (stored.isEmpty()) {
            return;
        }
        PresenceSet set;
        try {
            set = PresenceSetFormat.read(stored.get().bytes());
        }
        catch (InvalidPresenceSetException ex) {
            this.refusedBuiltAt = stored.get().builtAt();
            this.rejected.increment();
            this.health = PresenceHealth.refused(stored.get().builtAt(), ex.getMessage());
            log.error("Refused the presence snapshot built at {}: {}; keeping the last good set",
                    stored.get().builtAt(), ex.getMessage());
            return;
        }
        PresenceView view = PresenceView.of(set, stored.get().position(), stored.get().builtAt());
        List<PresenceDelta> deltas;
        do {
            deltas = this.journal.readAfter(view.position(), this.properties.pollBatch());
            view = applyAll(view, deltas);
        }
        while (deltas.size() == this.properties.pollBatch());
        this.presence.publish(view);
        this.reloadForced = false;
        this.loaded.increment();
        this.health = PresenceHealth.following(stored.get().builtAt());
    }

    private static PresenceView applyAll(PresenceView view, List<PresenceDelta> deltas) {
        PresenceView next = view;
        for (PresenceDelta delta : deltas) {
            next = next.apply(delta, COMPACT_ABOVE);
        }
        return next;
    }

    private void run() {
        Duration backoff = this.properties.pollInterval();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                boolean more = step();
                backoff = this.properties.pollInterval();
                if (!more) {
                    Thread.sleep(this.properties.pollInterval());
                }
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            catch (RuntimeException ex) {
                // Redis unreachable: keep answering from the last view; once back, reload
                // the snapshot in case the journal was trimmed past our position
                // meanwhile
                this.reloadForced = true;
                log.debug("Presence journal unavailable: {}", ex.toString());
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(2)) > 0 ? Duration.ofSeconds(2)
                        : backoff.multipliedBy(2);
                try {
                    Thread.sleep(backoff);
                }
                catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    @Override
    public void start() {
        this.thread = Thread.ofVirtual().name("presence-follower").start(this::run);
    }

    @Override
    public void stop() {
        Thread running = this.thread;
        if (running != null) {
            running.interrupt();
        }
        this.thread = null;
    }

    @Override
    public boolean isRunning() {
        return this.thread != null;
    }

}
