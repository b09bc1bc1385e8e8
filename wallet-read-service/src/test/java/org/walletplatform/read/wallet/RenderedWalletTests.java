package org.walletplatform.read.wallet;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.walletplatform.model.line.AssetItem;
import org.walletplatform.model.wallet.LineAssets;
import org.walletplatform.model.wallet.WalletView;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-built answer is the JSON Jackson writes for the same {@link WalletView}. */
class RenderedWalletTests {

    private final JsonMapper json = JsonMapper.builder().findAndAddModules().build();

    @Test
    void theAnswerIsTheWalletViewsJsonForEverySourceAndUnicodeNames() {
        List<LineAssets> lines = List.of(
                new LineAssets("cash", 7, Instant.parse("2026-11-23T06:00:00Z"),
                        List.of(new AssetItem("cash", "cash", "零钱 \"balance\" ✓", 12_345, "CNY"))),
                new LineAssets("coins", 3, Instant.parse("2026-11-22T01:02:03.456Z"), List.of()));
        for (String source : List.of(WalletView.FROM_CACHE, WalletView.FROM_DATABASE, WalletView.FROM_PRESENCE)) {
            for (boolean degraded : List.of(false, true)) {
                RenderedWallet rendered = RenderedWallet.of(42, lines, source, degraded, this.json);

                assertThat(new String(rendered.json(), StandardCharsets.UTF_8))
                    .isEqualTo(this.json.writeValueAsString(new WalletView(42, lines, source, degraded)));
            }
        }
        assertThat(
                new String(new RenderedWallet(9, "[]", WalletView.FROM_PRESENCE, false).json(), StandardCharsets.UTF_8))
            .isEqualTo(this.json.writeValueAsString(new WalletView(9, List.of(), WalletView.FROM_PRESENCE, false)));
    }

}
