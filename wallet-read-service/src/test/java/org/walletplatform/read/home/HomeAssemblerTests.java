package org.walletplatform.read.home;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.walletplatform.model.config.DisplayConfig;
import org.walletplatform.model.line.AssetItem;
import org.walletplatform.model.wallet.HomeView;
import org.walletplatform.model.wallet.LineAssets;
import org.walletplatform.model.wallet.WalletView;
import org.walletplatform.support.configrelease.ReleasedConfig.Versioned;

import static org.assertj.core.api.Assertions.assertThat;

class HomeAssemblerTests {

    private static final Instant SYNCED = Instant.parse("2026-11-22T00:00:00Z");

    private static final DisplayConfig CONFIG = new DisplayConfig(
            List.of(new DisplayConfig.Slot("cash", "cash", "Balance", "i1", "l1", "sum", "CNY"),
                    new DisplayConfig.Slot("cashback", "cashback", "Cashback", "i2", "l2", "sum", "CNY"),
                    new DisplayConfig.Slot("coupons", "coupon", "Coupons", "i3", "l3", "count", "CNY"),
                    new DisplayConfig.Slot("coins", "virtual-currency", "Coins", "i4", "l4", "sum", "COIN")),
            List.of("cash", "cashback"));

    @Test
    void shouldFillEachSlotInOrderWithTheUsersSumOrCount() {
        WalletView wallet = new WalletView(7,
                List.of(line("cash", item("cash", "cash", 12_345, "CNY")),
                        line("coupons", item("c1", "coupon", 500, "CNY"), item("c2", "coupon", 1500, "CNY"),
                                item("c3", "coupon", 800, "CNY")),
                        line("coins", item("coins", "virtual-currency", 90, "COIN"))),
                "cache", false);

        HomeView home = HomeAssembler.assemble(wallet, new Versioned<>(3, CONFIG));

        assertThat(home.slots()).extracting(HomeView.Slot::position).containsExactly(1, 2, 3, 4);
        assertThat(home.slots()).extracting(HomeView.Slot::value).containsExactly(12_345L, 0L, 3L, 90L);
        assertThat(home.slots().get(2).measure()).isEqualTo("count");
        assertThat(home.slots().get(0).link()).isEqualTo("l1");
        assertThat(home.displayVersion()).isEqualTo(3);
    }

    @Test
    void shouldTotalOnlyTheConfiguredKindsPerUnit() {
        WalletView wallet = new WalletView(7,
                List.of(line("cash", item("cash", "cash", 1_000, "CNY")),
                        line("cashback", item("cashback", "cashback", 250, "CNY")),
                        line("coupons", item("c1", "coupon", 5_000, "CNY")),
                        line("coins", item("coins", "virtual-currency", 90, "COIN"))),
                "database", true);

        HomeView home = HomeAssembler.assemble(wallet, new Versioned<>(3, CONFIG));

        assertThat(home.totals()).containsExactly(new HomeView.Total("CNY", 1_250));
        assertThat(home.degraded()).isTrue();
    }

    @Test
    void shouldShowZerosAndNoTotalsForAnEmptyWallet() {
        HomeView home = HomeAssembler.assemble(new WalletView(8, List.of(), "cache", false),
                new Versioned<>(3, CONFIG));

        assertThat(home.slots()).hasSize(4).allSatisfy((slot) -> assertThat(slot.value()).isZero());
        assertThat(home.totals()).isEmpty();
    }

    private static LineAssets line(String businessLine, AssetItem... items) {
        return new LineAssets(businessLine, 1, SYNCED, List.of(items));
    }

    private static AssetItem item(String id, String kind, long amount, String unit) {
        return new AssetItem(id, kind, id, amount, unit);
    }

}
