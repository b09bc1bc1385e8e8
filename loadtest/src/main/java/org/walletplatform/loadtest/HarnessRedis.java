package org.walletplatform.loadtest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;

/**
 * The harness's one connection to the wallet's Redis, opened before any round's clock
 * starts: one Redis, or a Redis Cluster when the platform runs on one
 * ({@code REDIS_CLUSTER=1 ./wallet up}).
 */
final class HarnessRedis implements AutoCloseable {

    private final AbstractRedisClient client;

    private final StatefulConnection<String, String> connection;

    private final RedisClusterCommands<String, String> commands;

    private final RedisClusterAsyncCommands<String, String> async;

    private final boolean cluster;

    private HarnessRedis(AbstractRedisClient client, StatefulConnection<String, String> connection,
            RedisClusterCommands<String, String> commands, RedisClusterAsyncCommands<String, String> async,
            boolean cluster) {
        this.client = client;
        this.connection = connection;
        this.commands = commands;
        this.async = async;
        this.cluster = cluster;
    }

    /**
     * @param uri a {@code redis://} URI of one Redis, or a Redis Cluster's nodes as
     * {@code host:port,host:port,...}
     */
    static HarnessRedis connect(String uri) {
        if (uri.startsWith("redis://")) {
            RedisClient client = RedisClient.create(uri);
            StatefulRedisConnection<String, String> connection = client.connect();
            return new HarnessRedis(client, connection, connection.sync(), connection.async(), false);
        }
        RedisClusterClient client = RedisClusterClient
            .create(Arrays.stream(uri.split(",")).map((node) -> RedisURI.create("redis://" + node.strip())).toList());
        StatefulRedisClusterConnection<String, String> connection = client.connect();
        return new HarnessRedis(client, connection, connection.sync(), connection.async(), true);
    }

    RedisClusterCommands<String, String> commands() {
        return this.commands;
    }

    /** For calls sent together, answered in one wait (on a Cluster, one per slot). */
    RedisClusterAsyncCommands<String, String> async() {
        return this.async;
    }

    /**
     * The positions of {@code keys} in groups one script may touch: on a Cluster those of
     * one slot, else all together.
     */
    Collection<List<Integer>> scriptGroups(List<String> keys) {
        Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
        for (int k = 0; k < keys.size(); k++) {
            groups.computeIfAbsent(this.cluster ? SlotHash.getSlot(keys.get(k)) : 0, (slot) -> new ArrayList<>())
                .add(k);
        }
        return groups.values();
    }

    @Override
    public void close() {
        this.connection.close();
        this.client.shutdown();
    }

}
