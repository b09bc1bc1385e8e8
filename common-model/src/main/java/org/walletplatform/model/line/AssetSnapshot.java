package org.walletplatform.model.line;

import java.util.List;

/**
 * The latest state of one user's assets in one business line, as the line's snapshot API
 * returns it. The version increases with every change; the wallet never lets a lower
 * version overwrite a higher one.
 */
public record AssetSnapshot(long userId, String businessLine, long version, List<AssetItem> assets) {
}
