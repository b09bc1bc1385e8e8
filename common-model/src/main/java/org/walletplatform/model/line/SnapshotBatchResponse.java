package org.walletplatform.model.line;

import java.util.List;

/**
 * Answer of the batch snapshot call: one snapshot per requested user, in any order.
 */
public record SnapshotBatchResponse(List<AssetSnapshot> snapshots) {
}
