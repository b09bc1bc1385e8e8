package org.walletplatform.store;

import java.util.List;

import org.walletplatform.model.line.AssetItem;
import org.walletplatform.model.line.AssetSnapshot;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Snapshots and clean-up shared by the store's tests.
 */
public final class StoreFixtures {

    private StoreFixtures() {
    }

    public static AssetSnapshot cash(long userId, long version, long amountMinor) {
        return new AssetSnapshot(userId, "cash", version,
                List.of(new AssetItem("cash", "cash", "Cash balance", amountMinor, "CNY")));
    }

    /**
     * Empties every physical table, talking to the shards directly (the same databases
     * sharding-test.yaml names).
     */
    public static void truncateShards(JdbcTemplate anyConnection) {
        for (String db : List.of("wallet_test_ds_0", "wallet_test_ds_1")) {
            for (String table : List.of("wallet_asset_snapshot_0", "wallet_asset_snapshot_1")) {
                anyConnection.execute("DELETE FROM " + db + "." + table);
            }
        }
    }

}
