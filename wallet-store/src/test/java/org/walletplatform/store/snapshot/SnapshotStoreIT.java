package org.walletplatform.store.snapshot;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.walletplatform.model.line.AssetSnapshot;
import org.walletplatform.model.wallet.LineAssets;
import org.walletplatform.store.StoreFixtures;
import org.walletplatform.store.StoreTestApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.walletplatform.store.StoreFixtures.cash;

/**
 * The sharded snapshot table on real MariaDB through ShardingSphere: version guard and
 * physical placement.
 */
@SpringBootTest(classes = StoreTestApplication.class)
@ActiveProfiles("test")
class SnapshotStoreIT {

    /**
     * Talks to MariaDB directly, beside ShardingSphere, to see where rows physically are.
     */
    private final JdbcTemplate physical = new JdbcTemplate(
            new DriverManagerDataSource("jdbc:mariadb://127.0.0.1:3306/wallet_test_ds_0", "root", ""));

    @Autowired
    private SnapshotStore store;

    @BeforeEach
    void emptyShards() {
        StoreFixtures.truncateShards(this.physical);
    }

    @Test
    void shouldKeepTheNewerSnapshotWhenAnOlderArrivesLater() {
        this.store.upsertNewer(List.of(cash(7, 5, 500)));
        this.store.upsertNewer(List.of(cash(7, 3, 300)));

        LineAssets line = this.store.loadWallet(7).get(0);
        assertThat(line.version()).isEqualTo(5);
        assertThat(line.assets().get(0).amountMinor()).isEqualTo(500);
    }

    @Test
    void shouldReplaceWithAHigherVersionAndIgnoreAReplayOfTheSame() {
        this.store.upsertNewer(List.of(cash(8, 1, 100)));
        this.store.upsertNewer(List.of(cash(8, 2, 200)));
        this.store.upsertNewer(List.of(new AssetSnapshot(8, "cash", 2, List.of())));

        LineAssets line = this.store.loadWallet(8).get(0);
        assertThat(line.version()).isEqualTo(2);
        assertThat(line.assets()).singleElement().extracting((a) -> a.amountMinor()).isEqualTo(200L);
    }

    @Test
    void shouldApplyEachRowOfAMixedBatchOnItsOwnGuard() {
        this.store.upsertNewer(List.of(cash(20, 10, 1000), cash(21, 10, 1000)));
        this.store.upsertNewer(List.of(cash(20, 9, 900), cash(21, 11, 1100), cash(22, 1, 100)));

        assertThat(this.store.loadWallets(List.of(20L, 21L, 22L, 23L)))
            .hasEntrySatisfying(20L, (lines) -> assertThat(lines.get(0).version()).isEqualTo(10))
            .hasEntrySatisfying(21L, (lines) -> assertThat(lines.get(0).version()).isEqualTo(11))
            .hasEntrySatisfying(22L, (lines) -> assertThat(lines.get(0).version()).isEqualTo(1))
            .hasEntrySatisfying(23L, (lines) -> assertThat(lines).isEmpty());
    }

    @Test
    void shouldPutEachRowInThePhysicalTableTheShardingRuleNames() {
        // database = user_id % 2, table = (user_id / 2) % 2
        List<Long> users = List.of(100L, 101L, 102L, 103L, 1_000_000_007L, 9_007_199_254_740_990L);
        this.store.upsertNewer(users.stream().map((u) -> cash(u, 1, 1)).toList());

        for (long user : users) {
            String expected = "wallet_test_ds_" + (user % 2) + ".wallet_asset_snapshot_" + ((user / 2) % 2);
            assertThat(physicalLocations(user)).as("user %d", user).containsExactly(expected);
        }
    }

    @Test
    void shouldReadALineFoundInTwoTablesOnceAtItsHigherVersion() {
        // user 7 lives in ds_1 table 1; an older copy of its row in ds_0 table 0 (user
        // 8's), as a resharding leaves them between its copy and its clean-up
        this.store.upsertNewer(List.of(cash(7, 5, 500), cash(8, 1, 100)));
        this.physical.update("INSERT INTO wallet_test_ds_0.wallet_asset_snapshot_0"
                + " SELECT user_id, business_line, 3, assets, synced_at_ms FROM wallet_test_ds_1.wallet_asset_snapshot_1"
                + " WHERE user_id = 7");
        assertThat(physicalLocations(7)).hasSize(2);

        List<LineAssets> lines = this.store.loadWallets(List.of(7L, 8L)).get(7L);
        assertThat(lines).singleElement().satisfies((line) -> {
            assertThat(line.version()).isEqualTo(5);
            assertThat(line.assets().get(0).amountMinor()).isEqualTo(500);
        });
    }

    private List<String> physicalLocations(long userId) {
        return List.of("wallet_test_ds_0", "wallet_test_ds_1")
            .stream()
            .flatMap((db) -> List.of("wallet_asset_snapshot_0", "wallet_asset_snapshot_1")
                .stream()
                .filter((table) -> this.physical.queryForObject(
                        "SELECT COUNT(*) FROM " + db + "." + table + " WHERE user_id = ?", Integer.class, userId) > 0)
                .map((table) -> db + "." + table))
            .toList();
    }

}
