package org.walletplatform.testing;

import java.time.Duration;
import java.util.List;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * Takes Redis away from a service for a while without stopping it: every node named
 * ({@code host:port}, one Redis or each node of a Cluster) holds its clients' commands
 * ({@code CLIENT PAUSE}) for the time given. Shared through this module's test jar.
 */
public final class RedisPause {

    private RedisPause() {
    }

    public static void everyNode(List<String> nodes, Duration pause) {
        for (String node : nodes) {
            RedisClient client = RedisClient.create("redis://" + node);
            try (StatefulRedisConnection<String, String> connection = client.connect()) {
                connection.sync().clientPause(pause.toMillis());
            }
            finally {
                client.shutdown();
            }
        }
    }

}
