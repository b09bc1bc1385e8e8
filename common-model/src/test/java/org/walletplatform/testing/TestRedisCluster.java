package org.walletplatform.testing;

import java.util.Arrays;
import java.util.List;

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

}
