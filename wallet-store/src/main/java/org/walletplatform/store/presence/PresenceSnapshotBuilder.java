package org.walletplatform.store.presence;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.walletplatform.presence.PresenceSet;
import org.walletplatform.store.snapshot.SnapshotStore;

import org.springframework.stereotype.Component;

/**
 * Rebuilds the whole presence set from MySQL and persists it with the journal position
 * read <em>before</em> the scan: every write the scan may have missed was journaled after
 * that position, so a follower that loads the snapshot and replays the journal from there
 * misses nothing. This is also what bounds a lost delta's life: the next snapshot holds
 * the truth.
 */
@Component
public class PresenceSnapshotBuilder {

    private static final Logger log = LoggerFactory.getLogger(PresenceSnapshotBuilder.class);

    private static final int PAGE = 10_000;

    private final SnapshotStore store;

    private final PresenceJournal journal;

    private final PresenceSnapshots snapshots;

    private final Clock clock;

    public PresenceSnapshotBuilder(SnapshotStore store, PresenceJournal journal, PresenceSnapshots snapshots,
            Clock clock) {
        this.store = store;
        this.journal = journal;
        this.snapshots = snapshots;
        this.clock = clock;
    }

    /** Builds and persists the snapshot; returns how many users it holds. */
    public long build() {
        String position = this.journal.head();
        Instant builtAt = this.clock.instant();
        PresenceSet set = PresenceSet.of(scanPresentUsers());
        this.snapshots.save(set, position, builtAt);
        log.info("Presence snapshot built: {} users, journal position {}", set.cardinality(), position);
        return set.cardinality();
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
