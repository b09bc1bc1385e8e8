package org.walletplatform.read.presence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.walletplatform.presence.PresenceSet;
import org.walletplatform.store.presence.PresenceDelta;

/**
 * One immutable state of the presence set on a read instance: the loaded snapshot
 * ({@code base}) plus the journal entries applied since, kept as two small overlays
 * ({@code gained}, {@code lost}) so that applying a delta copies only the overlays, never
 * the base's large shards. The overlays fold into the base when they grow past a
 * threshold, and disappear whenever a newer snapshot is loaded.
 *
 * @param position the journal entry this view includes everything up to
 */
record PresenceView(PresenceSet base, PresenceSet gained, PresenceSet lost, String position, Instant snapshotBuiltAt) {

    static PresenceView of(PresenceSet snapshot, String position, Instant builtAt) {
        return new PresenceView(snapshot, PresenceSet.empty(), PresenceSet.empty(), position, builtAt);
    }

    boolean contains(long userId) {
        return !this.lost.contains(userId) && (this.gained.contains(userId) || this.base.contains(userId));
    }

    long cardinality() {
        return this.base.cardinality() + this.gained.cardinality() - this.lost.cardinality();
    }

    /**
     * This view with {@code delta} applied; only users whose membership actually changes
     * touch the overlays.
     */
    PresenceView apply(PresenceDelta delta, long compactAbove) {
        List<Long> gains = new ArrayList<>();
        List<Long> losses = new ArrayList<>();
        for (long id : delta.present()) {
            if (!contains(id)) {
                gains.add(id);
            }
        }
        for (long id : delta.absent()) {
            if (contains(id)) {
                losses.add(id);
            }
        }
        if (gains.isEmpty() && losses.isEmpty()) {
            return new PresenceView(this.base, this.gained, this.lost, delta.id(), this.snapshotBuiltAt);
        }
        // invariants: gained holds only non-members of the base, lost only members of it,
        // and no id is in both; so the cardinality is exact
        PresenceSet gained = this.gained.withChanges(gains.stream().filter((id) -> !this.base.contains(id)).toList(),
                losses);
        PresenceSet lost = this.lost.withChanges(losses.stream().filter(this.base::contains).toList(), gains);
        PresenceView next = new PresenceView(this.base, gained, lost, delta.id(), this.snapshotBuiltAt);
        return (gained.cardinality() + lost.cardinality() > compactAbove) ? next.compacted() : next;
    }

    /** The same members with the overlays folded into the base. */
    PresenceView compacted() {
        List<Long> gains = new ArrayList<>();
        List<Long> losses = new ArrayList<>();
        this.gained.forEach(gains::add);
        this.lost.forEach(losses::add);
        return new PresenceView(this.base.withChanges(gains, losses), PresenceSet.empty(), PresenceSet.empty(),
                this.position, this.snapshotBuiltAt);
    }

}
