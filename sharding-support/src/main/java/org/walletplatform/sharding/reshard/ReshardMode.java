package org.walletplatform.sharding.reshard;

/** What a resharding run does with the rows it finds out of place. */
public enum ReshardMode {

    /** Count them only. */
    CHECK,
    /**
     * Copy them where the new layout routes them, leaving the originals: readers on the
     * old layout still find every row.
     */
    COPY,
    /** Copy them, then delete the originals whose copy is in place. */
    MOVE

}
