package org.walletplatform.order.redpacket;

import java.util.ArrayList;
import java.util.List;

import org.walletplatform.order.budget.UnsettledIssues;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * The index of pending red packets by issue time, split over {@code pendingShards} sorted
 * sets (by actID, {@link RedPacketKeys#pending}) so no one key takes every issuance.
 * {@link PendingTokens}' scripts keep it in step with the token records; this reads it,
 * for the job that publishes stale packets again and for reconciliation.
 */
@Component
class PendingIndex implements UnsettledIssues {

    private final StringRedisTemplate redis;

    private final RedPacketKeys keys;

    PendingIndex(StringRedisTemplate redis, RedPacketKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    /**
     * Order numbers pending since before {@code beforeMs}, at most {@code limit} per
     * shard.
     */
    List<String> pendingSince(long beforeMs, int limit) {
        List<String> orderNos = new ArrayList<>();
        for (int shard = 0; shard < this.keys.shards(); shard++) {
            var members = this.redis.opsForZSet().rangeByScore(this.keys.pendingShard(shard), 0, beforeMs, 0, limit);
            if (members != null) {
                orderNos.addAll(members);
            }
        }
        return orderNos;
    }

    @Override
    public boolean anyIssuedBefore(long epochMs) {
        for (int shard = 0; shard < this.keys.shards(); shard++) {
            var oldest = this.redis.opsForZSet().rangeWithScores(this.keys.pendingShard(shard), 0, 0);
            if (oldest != null && !oldest.isEmpty() && oldest.iterator().next().getScore() < epochMs) {
                return true;
            }
        }
        return false;
    }

}
