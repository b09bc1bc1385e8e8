package org.walletplatform.sharding.reshard;

/**
 * What a resharding run did: rows seen, rows out of place, rows copied (sent), rows
 * deleted from where they were, and rows whose copy could not be put in place because
 * another row differing from it holds its key there (left where they were, for a person
 * to look at).
 */
public record ReshardReport(long scanned, long misplaced, long copied, long deleted, long conflicting) {

    public static final ReshardReport NONE = new ReshardReport(0, 0, 0, 0, 0);

    public ReshardReport plus(ReshardReport other) {
        return new ReshardReport(this.scanned + other.scanned, this.misplaced + other.misplaced,
                this.copied + other.copied, this.deleted + other.deleted, this.conflicting + other.conflicting);
    }

    /** Rows still out of place after a run in {@code mode}. */
    public long leftOutOfPlace(ReshardMode mode) {
        return switch (mode) {
            case CHECK -> this.misplaced;
            case COPY -> this.conflicting;
            case MOVE -> this.misplaced - this.deleted;
        };
    }

}
