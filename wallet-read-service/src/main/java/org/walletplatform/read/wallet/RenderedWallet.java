package org.walletplatform.read.wallet;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.walletplatform.model.wallet.LineAssets;
import org.walletplatform.model.wallet.WalletView;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@link WalletView} whose lines are already JSON: the cache keeps every user's lines
 * rendered, so a cache hit is passed on without being parsed and rendered again.
 *
 * @param source one of {@link WalletView}'s {@code FROM_*} constants
 */
record RenderedWallet(long userId, String lines, String source, boolean degraded) {

    static RenderedWallet of(long userId, List<LineAssets> lines, String source, boolean degraded, JsonMapper json) {
        return new RenderedWallet(userId, json.writeValueAsString(lines), source, degraded);
    }

    /**
     * The same JSON Jackson writes for the {@link WalletView}, built by hand: every read
     * answers with it, and Jackson's writer with content negotiation was about a tenth of
     * a cached read's CPU. Nothing here needs escaping: a number, JSON the cache holds, a
     * constant and a boolean.
     */
    byte[] json() {
        return ("{\"userId\":" + this.userId + ",\"lines\":" + this.lines + ",\"source\":\"" + this.source
                + "\",\"degraded\":" + this.degraded + "}")
            .getBytes(StandardCharsets.UTF_8);
    }

}
