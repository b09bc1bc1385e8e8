package org.walletplatform.model.line;

import java.util.List;

/**
 * The latest state of one user's assets in one business line, as the line's snapshot API
 * returns it. The version increases with every change; the wallet never lets a lower
 * version overwrite a higher one.
 */
public record AssetSnapshot(long userId, String businessLine, long version, List<AssetItem> assets) {

    /**
     * The contract's answer for a user the line has never seen (version 0, no assets):
     * there is nothing to store, and since versions only rise, nothing stored to clear.
     */
    public boolean neverSeen() {
        return this.version == 0 && this.assets.isEmpty();
    }

}
