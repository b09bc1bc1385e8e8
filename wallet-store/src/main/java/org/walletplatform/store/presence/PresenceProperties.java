package org.walletplatform.store.presence;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the presence set travels from the write side to every read instance.
 *
 * @param snapshotInterval how often the write side rebuilds the whole set from MySQL and
 * persists it; also the longest a missed delta can live
 * @param journalMaxLength deltas kept in the Redis stream (approximate trim); must cover
 * well over one snapshot interval of batches
 * @param pollInterval how often a read instance asks the journal for new deltas when it
 * is caught up
 * @param pollBatch deltas read per journal call
 * @param reloadCheckInterval how often a read instance checks for a newer snapshot
 */
@ConfigurationProperties("wallet.presence")
public record PresenceProperties(@DefaultValue("60s") Duration snapshotInterval,
        @DefaultValue("1000000") long journalMaxLength, @DefaultValue("50ms") Duration pollInterval,
        @DefaultValue("500") int pollBatch, @DefaultValue("5s") Duration reloadCheckInterval) {
}
