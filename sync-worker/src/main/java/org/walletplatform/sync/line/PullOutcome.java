package org.walletplatform.sync.line;

import java.util.Map;

import org.walletplatform.model.line.AssetSnapshot;

/**
 * What pulling one business line for a set of users produced: a snapshot or a failure per
 * user.
 */
public record PullOutcome(String businessLine, Map<Long, AssetSnapshot> snapshots, Map<Long, PullException> failures) {
}
