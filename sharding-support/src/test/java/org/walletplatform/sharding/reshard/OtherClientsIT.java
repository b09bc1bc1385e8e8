package org.walletplatform.sharding.reshard;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.walletplatform.sharding.ShardingConfig.PhysicalShard;

import static org.assertj.core.api.Assertions.assertThat;

/** Against the real MariaDB, on a database of its own. */
class OtherClientsIT {

    private static final String URL = "jdbc:mariadb://127.0.0.1:3306/sharding_test_clients";

    private final List<PhysicalShard> shards = List.of(
            new PhysicalShard("ds_0", URL + "?connectTimeout=2000", "root", ""),
            new PhysicalShard("ds_1", "jdbc:mariadb://127.0.0.1:3306/sharding_test_nowhere", "root", ""));

    @Test
    void aConnectionToAShardDatabaseIsSeenAndADatabaseNotThereHoldsNone() throws Exception {
        try (Connection held = DriverManager.getConnection(URL + "?createDatabaseIfNotExist=true", "root", "")) {
            assertThat(OtherClients.connectedTo(this.shards)).as("one other client: this test's")
                .isEqualTo(Map.of(URL, 1L));
        }
        long deadline = System.nanoTime() + 5_000_000_000L;
        Map<String, Long> after;
        do {
            // the server drops a closed connection from its process list a moment later
            after = OtherClients.connectedTo(this.shards);
        }
        while (!after.isEmpty() && System.nanoTime() < deadline);
        assertThat(after).isEmpty();
    }

}
