package org.walletplatform.order.budget;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.walletplatform.order.scene.Scene;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.scheduling.annotation.Scheduled;
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

    private static final Logger log = LoggerFactory.getLogger(BudgetLedger.class);

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

    private final Queue<LeaseRecord> unrecorded = new ConcurrentLinkedQueue<>();

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
     * scene has nothing left above its reserve). The grant is the lessee's once Redis
     * made it: a record MySQL cannot take now (an outage, a timeout) is kept and written
     * by {@link #recordPending}, so issuance goes on through a MySQL outage.
     */
    long lease(Scene scene, String lessee, long wanted, long needed) {
        Long granted = this.redis.execute(LEASE, List.of(key(scene.id())), Long.toString(scene.budgetMinor()),
                Long.toString(scene.leasableMinor()), Long.toString(wanted), Long.toString(needed));
        long grant = (granted != null) ? granted : 0;
        if (grant > 0) {
            LeaseRecord lease = new LeaseRecord(UUID.randomUUID().toString(), scene.id(), lessee, grant,
                    this.clock.millis());
            if (!this.unrecorded.isEmpty()) {
                // MySQL failed a moment ago: not another wait for it under the share's
                // lock
                this.unrecorded.add(lease);
                return grant;
            }
            try {
                recordOnce(lease);
            }
            catch (RuntimeException ex) {
                this.unrecorded.add(lease);
                log.warn("Lease {} of {} for scene {} not recorded yet ({} waiting): {}", lease.id(), grant, scene.id(),
                        this.unrecorded.size(), ex.toString());
            }
        }
        return grant;
    }

    /**
     * Writes the leases MySQL could not take when they were granted, oldest first, each
     * once (by its id: a write that timed out may have landed). Stops at the first
     * failure; runs every {@code order.budget.record-retry-interval} and before a
     * shutdown gives the rest back.
     * @return how many are still waiting
     */
    @Scheduled(fixedDelayString = "${order.budget.record-retry-interval:1s}")
    synchronized int recordPending() {
        LeaseRecord next;
        while ((next = this.unrecorded.peek()) != null) {
            try {
                recordOnce(next);
            }
            catch (RuntimeException ex) {
                return this.unrecorded.size();
            }
            this.unrecorded.poll();
        }
        return 0;
    }

    /** Leases granted and not recorded in MySQL yet. */
    int unrecordedLeases() {
        return this.unrecorded.size();
    }

    /**
     * Gives back budget leased but never issued (an instance shutting down). Recorded
     * first: a return that MySQL never saw leaves the lease open there, and
     * reconciliation reclaims it from the dead lessee; taken off the counter first, it
     * would be taken off twice and the scene could overspend.
     */
    void giveBack(String sceneId, String lessee, long amount) {
        if (amount > 0) {
            record(UUID.randomUUID().toString(), "return", sceneId, lessee, -amount);
            this.redis.opsForHash().increment(key(sceneId), "leased", -amount);
        }
    }

    /**
     * Closes a dead lessee's account of one scene: returns the {@code stranded} budget it
     * leased and never issued to the scene's counter, then books what its orders spent,
     * so the lessee nets to zero and is never looked at again. Both records have ids
     * derived from scene and lessee: a crash in between is finished by the next round,
     * and nothing is returned twice. False if the budget was returned already.
     */
    boolean closeDeadLessee(String sceneId, String lessee, long stranded, long spent) {
        boolean returned = false;
        if (stranded > 0 && insertOnce("reclaim", sceneId, lessee, -stranded)) {
            this.redis.opsForHash().increment(key(sceneId), "leased", -stranded);
            returned = true;
        }
        insertOnce("spent", sceneId, lessee, -spent);
        return returned;
    }

    private boolean insertOnce(String kind, String sceneId, String lessee, long amount) {
        String id = UUID.nameUUIDFromBytes((kind + "\n" + sceneId + "\n" + lessee).getBytes(StandardCharsets.UTF_8))
            .toString();
        try {
            record(id, kind, sceneId, lessee, amount);
            return true;
        }
        catch (DuplicateKeyException ex) {
            return false;
        }
    }

    /**
     * Per scene and lessee, what is leased and not returned, while the lessee's account
     * is open (a closed one nets to zero).
     */
    List<OpenLease> openLeases() {
        return this.jdbc.query(
                "SELECT scene_id, lessee, SUM(amount_minor) AS net FROM budget_lease"
                        + " GROUP BY scene_id, lessee HAVING SUM(amount_minor) > 0",
                (row, i) -> new OpenLease(row.getString("scene_id"), row.getString("lessee"), row.getLong("net")));
    }

    /**
     * Per scene, the net leased as MySQL records it: what the Redis counter should hold.
     */
    Map<String, Long> recordedLeased() {
        Map<String, Long> leased = new TreeMap<>();
        this.jdbc.query(
                "SELECT scene_id, SUM(amount_minor) AS net FROM budget_lease WHERE kind <> 'spent'"
                        + " GROUP BY scene_id",
                (RowCallbackHandler) (row) -> leased.put(row.getString("scene_id"), row.getLong("net")));
        return leased;
    }

    /** The leased amount of the scene's shared counter in Redis. */
    long leasedInRedis(String sceneId) {
        Object leased = this.redis.opsForHash().get(key(sceneId), "leased");
        return (leased != null) ? Long.parseLong(leased.toString()) : 0;
    }

    /** Budget leased under one lessee for one scene, not yet spent or returned. */
    record OpenLease(String sceneId, String lessee, long netMinor) {

    }

    private void record(String id, String kind, String sceneId, String lessee, long amount) {
        record(id, kind, sceneId, lessee, amount, this.clock.millis());
    }

    private void record(String id, String kind, String sceneId, String lessee, long amount, long atMs) {
        this.jdbc.update("INSERT INTO budget_lease (lease_id, kind, scene_id, lessee, amount_minor, leased_at_ms)"
                + " VALUES (?, ?, ?, ?, ?, ?)", id, kind, sceneId, lessee, amount, atMs);
    }

    private void recordOnce(LeaseRecord lease) {
        try {
            record(lease.id(), "lease", lease.sceneId(), lease.lessee(), lease.amount(), lease.atMs());
        }
        catch (DuplicateKeyException ex) {
            // an earlier attempt landed
        }
    }

    /** A grant made in Redis, to be recorded in {@code budget_lease}. */
    private record LeaseRecord(String id, String sceneId, String lessee, long amount, long atMs) {
    }

}
