package org.walletplatform.model.line;

import java.util.List;

/**
 * Body of {@code POST {line}/v1/snapshots:batch}: the users whose snapshots the wallet
 * wants in one call.
 */
public record SnapshotBatchRequest(List<Long> userIds) {

    /** The most users a batch call may name; the line may refuse more. */
    public static final int MAX_USERS = 100;

}
