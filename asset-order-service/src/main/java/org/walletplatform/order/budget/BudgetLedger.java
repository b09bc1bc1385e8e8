package org.walletplatform.order.budget;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.walletplatform.order.scene.Scene;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The shared side of a scene's budget. Redis holds, per scene, the budget and what has
 * been leased ({@code order:budget:{scene}}, fields {@code total} and {@code leased});
 * one Lua script grants a lease only within the leasable amount (the budget less its
 * reserve), so the total leased never exceeds it, however many instances ask. Every grant
 * and return is also recorded in MySQL ({@code budget_lease}), which reconciliation
 * compares with the orders to find what a crashed instance held and never issued.
 */
@Component
class BudgetLedger {

    /**
     * Grants {@code wanted}, but never more than a quarter of what is left unless the
     * order at hand needs it ({@code needed}), and never more than is left: near the end
     * of a budget the leases shrink, so instances do not sit on large unspent shares
     * while others are refused.
     */
    private static final String LEASE_LUA = """
            redis.call('HSETNX', KEYS[1], 'total', ARGV[1])
            local left = tonumber(ARGV[2]) - tonumber(redis.call('HGET', KEYS[1], 'leased') or '0')
            local grant = math.min(left, tonumber(ARGV[3]), math.max(tonumber(ARGV[4]), math.floor(left / 4)))
            if grant <= 0 then return 0 end
            redis.call('HINCRBY', KEYS[1], 'leased', grant)
            return grant
            """;

    private static final RedisScript<Long> LEASE = RedisScript.of(LEASE_LUA, Long.class);

    private final StringRedisTemplate redis;

    private final JdbcTemplate jdbc;

    private final Clock clock;

    BudgetLedger(StringRedisTemplate redis, JdbcTemplate jdbc, Clock clock) {
        this.redis = redis;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    static String key(String sceneId) {
        return "order:budget:{" + sceneId + "}";
    }

    /**
     * Leases up to {@code wanted} (at least {@code needed} if that much is left) of the
     * scene's leasable budget for {@code lessee}; returns what was granted (0 once the
     * scene has nothing left above its reserve).
     */
    long lease(Scene scene, String lessee, long wanted, long needed) {
        Long granted = this.redis.execute(LEASE, List.of(key(scene.id())), Long.toString(scene.budgetMinor()),
                Long.toString(scene.leasableMinor()), Long.toString(wanted), Long.toString(needed));
        long grant = (granted != null) ? granted : 0;
        if (grant > 0) {
            record(scene.id(), lessee, grant);
        }
        return grant;
    }

    /** Gives back budget leased but never issued (an instance shutting down). */
    void giveBack(String sceneId, String lessee, long amount) {
        if (amount > 0) {
            this.redis.opsForHash().increment(key(sceneId), "leased", -amount);
            record(sceneId, lessee, -amount);
        }
    }

    private void record(String sceneId, String lessee, long amount) {
        this.jdbc.update(
                "INSERT INTO budget_lease (lease_id, scene_id, lessee, amount_minor, leased_at_ms) VALUES (?, ?, ?, ?, ?)",
                UUID.randomUUID().toString(), sceneId, lessee, amount, this.clock.millis());
    }

}
