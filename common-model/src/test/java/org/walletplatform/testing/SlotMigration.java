package org.walletplatform.testing;

import java.util.List;

import io.lettuce.core.MigrateArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;

/**
 * Moves one slot of a Redis Cluster to another master step by step, as
 * {@code redis-cli --cluster reshard} does, so a test can act while the slot is half
 * moved: {@link #begin} marks it importing on the target and migrating on its owner,
 * {@link #move} sends keys over, {@link #finish} sends the rest and hands the slot over.
 * Shared through this module's test jar.
 */
public final class SlotMigration implements AutoCloseable {

    private final int slot;

    private final RedisClient client = RedisClient.create();

    private final StatefulRedisConnection<String, String> source;

    private final StatefulRedisConnection<String, String> target;

    private final String sourceId;

    private final RedisClusterNode to;

    private boolean finished;

    private SlotMigration(int slot, RedisClusterNode from, RedisClusterNode to) {
        this.slot = slot;
        this.sourceId = from.getNodeId();
        this.to = to;
        this.source = this.client.connect(from.getUri());
        this.target = this.client.connect(to.getUri());
    }

    /** Starts moving {@code slot} from its master to another master of the Cluster. */
    public static SlotMigration begin(List<String> nodes, int slot) {
        RedisClusterClient cluster = RedisClusterClient
            .create(nodes.stream().map((node) -> RedisURI.create("redis://" + node)).toList());
        SlotMigration migration;
        try {
            List<RedisClusterNode> masters = cluster.getPartitions()
                .stream()
                .filter((node) -> node.is(RedisClusterNode.NodeFlag.UPSTREAM))
                .toList();
            RedisClusterNode from = masters.stream().filter((node) -> node.hasSlot(slot)).findFirst().orElseThrow();
            RedisClusterNode to = masters.stream().filter((node) -> node != from).findFirst().orElseThrow();
            migration = new SlotMigration(slot, from, to);
        }
        finally {
            cluster.shutdown();
        }
        migration.target().clusterSetSlotImporting(slot, migration.sourceId);
        migration.source().clusterSetSlotMigrating(slot, migration.to.getNodeId());
        return migration;
    }

    /** Sends these keys of the slot to the new master now. */
    public void move(String... keys) {
        source().migrate(this.to.getUri().getHost(), this.to.getUri().getPort(), 0, 5_000,
                MigrateArgs.Builder.keys(keys));
    }

    /** Sends the slot's remaining keys over and makes the new master its owner. */
    public void finish() {
        for (List<String> keys = source().clusterGetKeysInSlot(this.slot, 100); !keys.isEmpty(); keys = source()
            .clusterGetKeysInSlot(this.slot, 100)) {
            move(keys.toArray(String[]::new));
        }
        target().clusterSetSlotNode(this.slot, this.to.getNodeId());
        source().clusterSetSlotNode(this.slot, this.to.getNodeId());
        this.finished = true;
    }

    /** Whether the new master holds {@code key}. */
    public boolean movedOver(String key) {
        return target().exists(key) == 1;
    }

    @Override
    public void close() {
        try {
            if (!this.finished) {
                finish();
            }
        }
        finally {
            this.client.shutdown();
        }
    }

    private RedisCommands<String, String> source() {
        return this.source.sync();
    }

    private RedisCommands<String, String> target() {
        return this.target.sync();
    }

}
