package org.walletplatform.read.home;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.walletplatform.model.config.DisplayConfig;
import org.walletplatform.model.line.AssetItem;
import org.walletplatform.model.wallet.HomeView;
import org.walletplatform.model.wallet.LineAssets;
import org.walletplatform.model.wallet.WalletView;
import org.walletplatform.support.configrelease.ReleasedConfig.Versioned;

/**
 * Builds the home entry from a wallet and the display configuration. Pure: no I/O.
 */
final class HomeAssembler {

    private HomeAssembler() {
    }

    static HomeView assemble(WalletView wallet, Versioned<DisplayConfig> display) {
        DisplayConfig config = display.config();
        List<HomeView.Slot> slots = new ArrayList<>();
        for (int i = 0; i < config.slots().size(); i++) {
            DisplayConfig.Slot spec = config.slots().get(i);
            List<AssetItem> matching = matching(wallet.lines(), spec);
            long value = "count".equals(spec.measure()) ? matching.size()
                    : matching.stream().mapToLong(AssetItem::amountMinor).sum();
            slots.add(new HomeView.Slot(i + 1, spec.businessLine(), spec.kind(), spec.name(), spec.icon(), spec.link(),
                    spec.measure(), spec.unit(), value));
        }
        Map<String, Long> totals = new TreeMap<>();
        for (LineAssets line : wallet.lines()) {
            for (AssetItem item : line.assets()) {
                if (config.totalKinds().contains(item.kind())) {
                    totals.merge(item.unit(), item.amountMinor(), Math::addExact);
                }
            }
        }
        return new HomeView(wallet.userId(), slots,
                totals.entrySet().stream().map((t) -> new HomeView.Total(t.getKey(), t.getValue())).toList(),
                wallet.degraded(), display.version());
    }

    private static List<AssetItem> matching(List<LineAssets> lines, DisplayConfig.Slot spec) {
        return lines.stream()
            .filter((l) -> l.businessLine().equals(spec.businessLine()))
            .flatMap((l) -> l.assets().stream())
            .filter((a) -> a.kind().equals(spec.kind()) && a.unit().equals(spec.unit()))
            .toList();
    }

}
