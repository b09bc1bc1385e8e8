package org.walletplatform.store.presence;

import java.time.Instant;
import java.util.Collection;

import org.walletplatform.store.snapshot.SnapshotStore;

import org.springframework.stereotype.Component;

/**
 * The write side's half of the presence set: after each database write, journals where
 * every written user now stands (holding assets or not), read back from MySQL so the
 * entry is the stored truth whatever the order of pulls. Appended before the batch's
 * offsets are committed: if Redis fails the batch is retried, so no write goes
 * unjournaled.
 */
@Component
public class PresenceRecorder {

    private final SnapshotStore store;

    private final PresenceJournal journal;

    public PresenceRecorder(SnapshotStore store, PresenceJournal journal) {
        this.store = store;
        this.journal = journal;
    }

    public void recordWrite(Collection<Long> users, Instant writtenAt) {
        this.journal.append(users, this.store.presentAmong(users), writtenAt);
    }

}
