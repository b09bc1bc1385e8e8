package org.walletplatform.order.redpacket;

import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * Where the red packets live in Redis. Every key of an account's packets (each packet's
 * token record, the account's hash, and the pending index's shard listing them) carries
 * the hash tag of the account's pending shard ({@code {rp:<actID mod pendingShards>}}),
 * so one script may keep them in step on a Redis Cluster too, where a script touches keys
 * of one slot only. There, a batch of many accounts' packets is split by shard; on one
 * Redis it stays one call.
 */
@Component
class RedPacketKeys {

    private final int shards;

    private final boolean cluster;

    RedPacketKeys(RedPacketProperties properties, RedisConnectionFactory redis) {
        this.shards = properties.pendingShards();
        this.cluster = redis instanceof LettuceConnectionFactory lettuce && lettuce.isClusterAware();
    }

    int shards() {
        return this.shards;
    }

    /** The account's pending shard. */
    int shardOf(long actId) {
        return Math.floorMod(actId, this.shards);
    }

    /** A packet's token record; its account is its order number's first part. */
    String token(String orderNo) {
        return "rp:tok:" + tag(shardOf(actIdOf(orderNo))) + ":" + orderNo;
    }

    /** The account's pending sum, pending packets and cached settled figures. */
    String account(long actId) {
        return "rp:acct:" + tag(shardOf(actId)) + ":" + actId;
    }

    /** The pending index's shard listing the account's packets. */
    String pending(long actId) {
        return pendingShard(shardOf(actId));
    }

    String pendingShard(int shard) {
        return "rp:pending:" + tag(shard);
    }

    /**
     * The group a batch's call may hold the account's keys in: its shard on a Cluster,
     * one for all on one Redis.
     */
    int batchGroupOf(long actId) {
        return this.cluster ? shardOf(actId) : 0;
    }

    /** Whether calls that span shards must be split (a Redis Cluster). */
    boolean cluster() {
        return this.cluster;
    }

    private static String tag(int shard) {
        return "{rp:" + shard + "}";
    }

    /**
     * The actID an order number ({@code ${actID}_…}) names; one that names none (not one
     * of ours) has no record under any key, and shard 0's is as good as any.
     */
    static long actIdOf(String orderNo) {
        int end = orderNo.indexOf('_');
        try {
            return Long.parseLong((end < 0) ? orderNo : orderNo.substring(0, end));
        }
        catch (NumberFormatException ex) {
            return 0;
        }
    }

}
