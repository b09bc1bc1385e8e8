package org.walletplatform.loadtest;

import java.util.ArrayList;
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

    private final boolean cluster;

    private HarnessRedis(RedisClient client) {
        StatefulRedisConnection<String, String> standalone = client.connect();
        this.client = client;
        this.connection = standalone;
        this.commands = standalone.sync();
        this.cluster = false;
    }

    private HarnessRedis(RedisClusterClient client) {
        StatefulRedisClusterConnection<String, String> clustered = client.connect();
        this.client = client;
        this.connection = clustered;
        this.commands = clustered.sync();
        this.cluster = true;
    }

    /**
     * @param uri a {@code redis://} URI of one Redis, or a Redis Cluster's nodes as
     * {@code host:port,host:port,...}
     */
    static HarnessRedis connect(String uri) {
        if (uri.startsWith("redis://")) {
            return new HarnessRedis(RedisClient.create(uri));
        }
        return new HarnessRedis(RedisClusterClient.create(
                List.of(uri.split(",")).stream().map((node) -> RedisURI.create("redis://" + node.strip())).toList()));
    }

    RedisClusterCommands<String, String> commands() {
        return this.commands;
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
