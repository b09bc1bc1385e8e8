package org.walletplatform.model.line;

/**
 * Paths of the business-line snapshot contract, relative to the line's base URL (see
 * docs/business-line-contract.md).
 */
public final class SnapshotPaths {

    public static final String ONE = "/v1/snapshots/{userId}";

    public static final String BATCH = "/v1/snapshots:batch";

    private SnapshotPaths() {
    }

}
