package org.walletplatform.store.presence;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the presence set travels from the write side to every read instance.
 *
 * @param snapshotInterval how often the write side brings the persisted set up to the
 * journal's head; a follower that missed deltas catches up with the next one it loads
 * @param fullScanInterval how often that is a full scan of MySQL rather than the stored
 * set with the journal applied: the longest a write that never reached the journal (a
 * Redis that lost acknowledged writes) can go unseen. A scan reads every present user
 * (~60 k users/s on the development box); at Baidu's 93 M users set it to hours
 * @param journalMaxLength deltas kept in the Redis stream (approximate trim); must cover
 * well over one snapshot interval of batches
 * @param pollInterval how often a read instance asks the journal for new deltas when it
 * is caught up
 * @param pollBatch deltas read per journal call
 * @param reloadCheckInterval how often a read instance checks for a newer snapshot
 */
@ConfigurationProperties("wallet.presence")
public record PresenceProperties(@DefaultValue("60s") Duration snapshotInterval,
        @DefaultValue("10m") Duration fullScanInterval, @DefaultValue("1000000") long journalMaxLength,
        @DefaultValue("50ms") Duration pollInterval, @DefaultValue("500") int pollBatch,
        @DefaultValue("5s") Duration reloadCheckInterval) {
}
