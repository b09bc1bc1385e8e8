package org.walletplatform.presence;

import java.util.Collection;
import java.util.function.LongConsumer;

import org.walletplatform.presence.internal.ShardedRoaringPresenceSet;

/**
 * An exact, immutable set of 64-bit user ids: which users hold any asset. No false
 * positives and no false negatives: ids are split into a 32-bit high part (the shard) and
 * a 32-bit low part (stored in that shard's RoaringBitmap), so nothing is hashed away.
 * Immutable, hence safe for any number of concurrent readers (a RoaringBitmap is not,
 * even for reads); a change makes a new set that shares every untouched shard.
 */
public interface PresenceSet {

    static PresenceSet empty() {
        return ShardedRoaringPresenceSet.EMPTY;
    }

    static PresenceSet of(long... ids) {
        return ShardedRoaringPresenceSet.of(ids);
    }

    boolean contains(long userId);

    long cardinality();

    /** Every member, in no particular order. */
    void forEach(LongConsumer action);

    /**
     * A new set with {@code added} in and {@code removed} out (a removal wins over an
     * addition of the same id).
     */
    PresenceSet withChanges(Collection<Long> added, Collection<Long> removed);

    /** The binary form, checked by a CRC; see {@link PresenceSetFormat}. */
    byte[] toBytes();

}
