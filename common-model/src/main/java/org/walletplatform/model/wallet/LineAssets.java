package org.walletplatform.model.wallet;

import java.time.Instant;
import java.util.List;

import org.walletplatform.model.line.AssetItem;

/**
 * One business line's part of a user's wallet: the latest snapshot the wallet holds and
 * when it was stored.
 */
public record LineAssets(String businessLine, long version, Instant syncedAt, List<AssetItem> assets) {

    /** Whether this line counts its user as present in the presence set. */
    public boolean holdsAssets() {
        return !this.assets.isEmpty();
    }

}
