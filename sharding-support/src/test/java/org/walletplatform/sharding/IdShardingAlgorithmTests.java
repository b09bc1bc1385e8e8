package org.walletplatform.sharding;

import java.util.List;
import java.util.Properties;

import org.apache.shardingsphere.infra.datanode.DataNodeInfo;
import org.apache.shardingsphere.sharding.api.sharding.standard.PreciseShardingValue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IdShardingAlgorithmTests {

    @ParameterizedTest
    @CsvSource({ "0, ds_0, t_0", "1, ds_1, t_0", "2, ds_0, t_1", "3, ds_1, t_1", "4, ds_0, t_0",
            "1000000007, ds_1, t_1", "9007199254740990, ds_0, t_1" })
    void shouldRouteByUserIdModDatabasesThenQuotientModTables(long userId, String database, String table) {
        assertThat(algorithm("database", 2, 2).doSharding(List.of("ds_0", "ds_1"), value(userId))).isEqualTo(database);
        assertThat(algorithm("table", 2, 2).doSharding(List.of("t_0", "t_1"), value(userId))).isEqualTo(table);
    }

    @Test
    void shouldSpreadUsersEvenlyOverEveryDatabaseAndTableWhenGrown() {
        IdShardingAlgorithm db = algorithm("database", 4, 8);
        IdShardingAlgorithm table = algorithm("table", 4, 8);
        int[][] counts = new int[4][8];
        for (long userId = 1; userId <= 32_000; userId++) {
            counts[(int) db.index(userId)][(int) table.index(userId)]++;
        }
        for (int[] database : counts) {
            assertThat(database).containsOnly(1000);
        }
    }

    @Test
    void shouldRefuseAnUnknownLevel() {
        assertThatIllegalArgumentException().isThrownBy(() -> algorithm("shard", 2, 2));
    }

    private static IdShardingAlgorithm algorithm(String level, int databases, int tables) {
        Properties props = new Properties();
        props.setProperty("level", level);
        props.setProperty("databases", Integer.toString(databases));
        props.setProperty("tables", Integer.toString(tables));
        IdShardingAlgorithm algorithm = new IdShardingAlgorithm();
        algorithm.init(props);
        return algorithm;
    }

    private static PreciseShardingValue<Comparable<?>> value(long userId) {
        return new PreciseShardingValue<>("wallet_asset_snapshot", "user_id", new DataNodeInfo("t_", 1, '0'), userId);
    }

}
