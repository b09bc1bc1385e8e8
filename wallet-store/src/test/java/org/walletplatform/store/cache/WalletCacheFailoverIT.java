package org.walletplatform.store.cache;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.walletplatform.model.line.AssetItem;
import org.walletplatform.model.wallet.LineAssets;
import org.walletplatform.store.StoreTestApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.connection.RedisClusterConnection;
import org.springframework.data.redis.connection.RedisClusterNode;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A master of a Redis Cluster stops answering (SIGSTOP: a hung node, whose connections
 * stay open) and its replica takes over: with the services' shared client settings
 * ({@code wallet-redis.yml}) the wallet cache finds the new master and keeps merging into
 * the wallets the lost one held, which the replica kept. On the failover cluster of
 * {@code ./wallet test} (three masters, a replica each, a node failed after 2 s silent),
 * which no other test uses.
 */
@SpringBootTest(classes = StoreTestApplication.class, properties = { "spring.config.import=classpath:wallet-redis.yml",
        "spring.data.redis.cluster.nodes=${WALLET_TEST_REDIS_FAILOVER_CLUSTER}", "spring.data.redis.timeout=500ms" })
@ActiveProfiles("test")
class WalletCacheFailoverIT {

    private static final long USER = 4_200_001L;

    @Autowired
    private WalletCache cache;

    @Autowired
    private RedisConnectionFactory redis;

    @Test
    void shouldMergeIntoAWalletOfAMasterThatStoppedAnsweringOnceItsReplicaTookOver() throws Exception {
        this.cache.fill(USER, List.of(line("cash", 1, 100)));
        RedisClusterNode master;
        String pid;
        try (RedisClusterConnection cluster = this.redis.getClusterConnection()) {
            master = cluster.clusterGetNodeForKey(WalletCache.key(USER).getBytes());
            awaitReplicated(cluster, master);
            pid = cluster.serverCommands().info(master, "server").getProperty("process_id");
        }

        signal("STOP", pid);
        long hungAt = System.nanoTime();
        try {
            await().atMost(Duration.ofSeconds(40))
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .until(() -> this.cache.mergeIntoCached(Map.of(USER, List.of(line("cash", 2, 200))))
                    .notCached()
                    .isEmpty());
            System.out.printf("merging again %d ms after the master stopped answering%n",
                    (System.nanoTime() - hungAt) / 1_000_000);
            assertThat(this.cache.get(USER)).hasValueSatisfying((lines) -> {
                assertThat(lines.get(0).version()).isEqualTo(2);
                assertThat(lines.get(0).assets().get(0).amountMinor()).isEqualTo(200);
            });
        }
        finally {
            signal("CONT", pid);
        }
    }

    /** Until the master's replica has everything the master has. */
    private static void awaitReplicated(RedisClusterConnection cluster, RedisClusterNode master) {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            Properties replication = cluster.serverCommands().info(master, "replication");
            String replica = replication.getProperty("slave0", "");
            return replica.contains("offset=" + replication.getProperty("master_repl_offset") + ",");
        });
    }

    private static void signal(String signal, String pid) throws Exception {
        assertThat(new ProcessBuilder("kill", "-" + signal, pid).inheritIO().start().waitFor()).isZero();
    }

    private static LineAssets line(String businessLine, long version, long amountMinor) {
        return new LineAssets(businessLine, version, Instant.parse("2026-12-08T00:00:00Z"),
                List.of(new AssetItem(businessLine, businessLine, businessLine, amountMinor, "CNY")));
    }

}
