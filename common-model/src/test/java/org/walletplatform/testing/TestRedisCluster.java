package org.walletplatform.testing;

import java.util.Arrays;
import java.util.List;

import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;

import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Redis Cluster tests prove cluster-safe code on: three masters on loopback that
 * {@code ./wallet test} starts fresh for each run and names in {@value #NODES_VARIABLE}
 * (host:port, comma-separated). Without it a test fails, never skips: a cluster test that
 * did not run is not a pass. Shared through this module's test jar.
 */
public final class TestRedisCluster {

    public static final String NODES_VARIABLE = "WALLET_TEST_REDIS_CLUSTER";

    private TestRedisCluster() {
    }

    /** The cluster's nodes as {@code host:port}. */
    public static List<String> nodes() {
        String nodes = System.getenv(NODES_VARIABLE);
        if (nodes == null || nodes.isBlank()) {
            throw new IllegalStateException(NODES_VARIABLE + " is not set: run the tests with ./wallet test, "
                    + "which starts a Redis Cluster for them, or point it at one");
        }
        return Arrays.stream(nodes.split(",")).map(String::strip).toList();
    }

    /**
     * Asserts that a service's Redis client, on a Cluster, reads the Cluster's topology
     * again periodically and on redirects ({@code wallet-redis.yml}, which every service
     * imports): without that it never follows a failover of a master that hangs
     * ({@code WalletCacheFailoverIT}).
     */
    public static void assertFollowsFailovers(RedisConnectionFactory redis) {
        LettuceConnectionFactory lettuce = (LettuceConnectionFactory) redis;
        assertThat(lettuce.isClusterAware()).as("a client of the Cluster").isTrue();
        ClusterTopologyRefreshOptions refresh = lettuce.getClientConfiguration()
            .getClientOptions()
            .map(ClusterClientOptions.class::cast)
            .orElseThrow()
            .getTopologyRefreshOptions();
        assertThat(refresh.isPeriodicRefreshEnabled()).as("reads the topology again periodically").isTrue();
        assertThat(refresh.getAdaptiveRefreshTriggers()).as("and on redirects and failing reconnects").isNotEmpty();
    }

}
