package org.walletplatform.read.wallet;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonRawValue;
import org.walletplatform.model.wallet.LineAssets;
import org.walletplatform.model.wallet.WalletView;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@link WalletView} whose lines are already JSON: the cache keeps every user's lines
 * rendered, so a cache hit is passed on without being parsed and rendered again. Its JSON
 * is the same as the {@link WalletView}'s.
 */
record RenderedWallet(long userId, @JsonRawValue String lines, String source, boolean degraded) {

    static RenderedWallet of(long userId, List<LineAssets> lines, String source, boolean degraded, JsonMapper json) {
        return new RenderedWallet(userId, json.writeValueAsString(lines), source, degraded);
    }

}
