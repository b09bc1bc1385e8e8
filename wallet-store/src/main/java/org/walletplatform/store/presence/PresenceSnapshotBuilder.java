package org.walletplatform.store.presence;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.walletplatform.presence.PresenceSet;
import org.walletplatform.presence.PresenceSetFormat;
import org.walletplatform.presence.PresenceSetFormat.InvalidPresenceSetException;
import org.walletplatform.store.snapshot.SnapshotStore;

import org.springframework.stereotype.Component;

/**
 * Keeps the persisted presence set current. A full scan rebuilds it from MySQL and
 * persists it with the journal position read <em>before</em> the scan: every write the
 * scan may have missed was journaled after that position, so a follower that loads the
 * snapshot and replays the journal from there misses nothing. Between scans the stored
 * set is advanced along the journal instead (it reads only the deltas since its
 * position), so a follower that falls behind the journal reloads a recent snapshot, while
 * the cost does not grow with the users held; the scan, every {@code fullScanInterval},
 * is what bounds the life of a write that never reached the journal.
 */
@Component
public class PresenceSnapshotBuilder {

    private static final Logger log = LoggerFactory.getLogger(PresenceSnapshotBuilder.class);

    private static final int PAGE = 10_000;

    private final SnapshotStore store;

    private final PresenceJournal journal;

    private final PresenceSnapshots snapshots;

    private final PresenceProperties properties;

    private final Clock clock;

    public PresenceSnapshotBuilder(SnapshotStore store, PresenceJournal journal, PresenceSnapshots snapshots,
            PresenceProperties properties, Clock clock) {
        this.store = store;
        this.journal = journal;
        this.snapshots = snapshots;
        this.properties = properties;
        this.clock = clock;
    }

    /** What {@link #refresh} did. */
    public enum Refresh {

        /** rebuilt from MySQL */
        SCAN,
        /** the stored set advanced along the journal */
        JOURNAL

    }

    /**
     * Brings the stored snapshot up to the journal's head: a full scan when none is
     * stored, the stored one is refused by validation, the journal no longer holds what
     * follows its position, or the last scan is {@code fullScanInterval} old; otherwise
     * the stored set with the journal applied.
     */
    public Refresh refresh() {
        // decided on the position and scan time alone: the set's bytes are fetched only
        // to advance it
        Optional<PresenceSnapshots.Mark> mark = this.snapshots.mark();
        if (mark.isEmpty()
                || !this.clock.instant().isBefore(mark.get().builtAt().plus(this.properties.fullScanInterval()))
                || !this.journal.holdsEverythingAfter(mark.get().position())) {
            build();
            return Refresh.SCAN;
        }
        Optional<PresenceSnapshots.Stored> stored = this.snapshots.load();
        Optional<PresenceSet> set = stored.flatMap(PresenceSnapshotBuilder::validated);
        if (set.isEmpty()) {
            build();
            return Refresh.SCAN;
        }
        advance(set.get(), stored.get());
        return Refresh.JOURNAL;
    }

    private static Optional<PresenceSet> validated(PresenceSnapshots.Stored stored) {
        try {
            return Optional.of(PresenceSetFormat.read(stored.bytes()));
        }
        catch (InvalidPresenceSetException ex) {
            log.warn("Stored presence snapshot refused ({}); scanning MySQL", ex.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Builds and persists the snapshot from a full scan; returns how many users it holds.
     */
    public long build() {
        String position = this.journal.head();
        Instant builtAt = this.clock.instant();
        PresenceSet set = PresenceSet.of(scanPresentUsers());
        this.snapshots.save(set, position, builtAt);
        log.info("Presence snapshot built: {} users, journal position {}", set.cardinality(), position);
        return set.cardinality();
    }

    private void advance(PresenceSet set, PresenceSnapshots.Stored stored) {
        // entries state where each user stands: the last one naming a user wins
        Map<Long, Boolean> latest = new HashMap<>();
        String position = stored.position();
        List<PresenceDelta> page;
        do {
            page = this.journal.readAfter(position, PAGE);
            for (PresenceDelta delta : page) {
                Arrays.stream(delta.present()).forEach((id) -> latest.put(id, true));
                Arrays.stream(delta.absent()).forEach((id) -> latest.put(id, false));
                position = delta.id();
            }
        }
        while (page.size() == PAGE);
        if (position.equals(stored.position())) {
            return;
        }
        List<Long> added = new ArrayList<>();
        List<Long> removed = new ArrayList<>();
        latest.forEach((id, present) -> (present ? added : removed).add(id));
        PresenceSet next = set.withChanges(added, removed);
        if (this.snapshots.advance(next, position, stored.builtAt())) {
            log.debug("Presence snapshot advanced to journal position {}: {} users", position, next.cardinality());
        }
    }

    private long[] scanPresentUsers() {
        long[] ids = new long[1024];
        int count = 0;
        long after = 0;
        while (true) {
            // a page may end inside a user's lines: the user is already known present,
            // so resuming after their id loses nothing
            List<Long> page = this.store.presentUsersAfter(after, PAGE);
            for (long id : page) {
                if (count == ids.length) {
                    ids = Arrays.copyOf(ids, count * 2);
                }
                ids[count++] = id;
            }
            if (page.size() < PAGE) {
                return Arrays.copyOf(ids, count);
            }
            after = page.get(page.size() - 1);
        }
    }

}
