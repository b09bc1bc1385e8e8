package org.walletplatform.order.budget;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.walletplatform.order.scene.Scene;
import org.walletplatform.order.scene.Scenes;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The shared side of a scene's budget. Redis holds, per scene, the budget and what has
 * been leased ({@code order:budget:{scene}}, fields {@code total} and {@code leased});
 * one Lua script grants a lease only within the leasable amount (the budget less its
 * reserve), so the total leased never exceeds it, however many instances ask. Every grant
 * and return is also recorded in MySQL ({@link LeaseTable}), which reconciliation
 * compares with the orders to find what a crashed instance held and never issued.
 *
 * <p>
 * The script that grants a lease also parks its record beside the counter
 * ({@code order:budget:{scene}:unrecorded}, lease id → record), so a grant is never
 * counted without a record: the record is written to MySQL next and the parked copy
 * dropped. One that MySQL cannot take now (an outage), or whose instance stops or dies
 * first, stays parked until the next {@link #recordPending} of any instance writes it.
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
            redis.call('HSET', KEYS[2], ARGV[5], grant .. '|' .. ARGV[7] .. '|' .. ARGV[6])
            return grant
            """;

    private static final RedisScript<Long> LEASE = RedisScript.of(LEASE_LUA, Long.class);

    private final StringRedisTemplate redis;

    private final LeaseTable table;

    private final Clock clock;

    /** The configured scenes, whose parked records {@link #recordPending} looks for. */
    private final Supplier<Collection<String>> configuredScenes;

    /** Scenes this instance leased in (a scene need not be configured in tests). */
    private final Set<String> leasedScenes = ConcurrentHashMap.newKeySet();

    /**
     * Set when a record could not be written: further grants stay parked, not waited on.
     */
    private volatile boolean recordingFails;

    private final AtomicInteger parkedAtLastLook = new AtomicInteger();

    @Autowired
    BudgetLedger(StringRedisTemplate redis, LeaseTable table, Clock clock, Scenes scenes) {
        this(redis, table, clock, scenes::ids);
    }

    BudgetLedger(StringRedisTemplate redis, LeaseTable table, Clock clock,
            Supplier<Collection<String>> configuredScenes) {
        this.redis = redis;
        this.table = table;
        this.clock = clock;
        this.configuredScenes = configuredScenes;
    }

    static String key(String sceneId) {
        return "order:budget:{" + sceneId + "}";
    }

    static String parkedKey(String sceneId) {
        return key(sceneId) + ":unrecorded";
    }

    /**
     * Leases up to {@code wanted} (at least {@code needed} if that much is left) of the
     * scene's leasable budget for {@code lessee}; returns what was granted (0 once the
     * scene has nothing left above its reserve). The grant is the lessee's once Redis
     * made it: a record MySQL cannot take now stays parked, so issuance goes on through a
     * MySQL outage.
     */
    long lease(Scene scene, String lessee, long wanted, long needed) {
        this.leasedScenes.add(scene.id());
        String leaseId = UUID.randomUUID().toString();
        long atMs = this.clock.millis();
        Long granted = this.redis.execute(LEASE, List.of(key(scene.id()), parkedKey(scene.id())),
                Long.toString(scene.budgetMinor()), Long.toString(scene.leasableMinor()), Long.toString(wanted),
                Long.toString(needed), leaseId, lessee, Long.toString(atMs));
        long grant = (granted != null) ? granted : 0;
        // after a failure a moment ago, not another wait for MySQL under the share's lock
        if (grant > 0 && !this.recordingFails) {
            try {
                write(new ParkedLease(leaseId, scene.id(), lessee, grant, atMs));
            }
            catch (RuntimeException ex) {
                this.recordingFails = true;
                log.warn("Lease {} of {} for scene {} not recorded yet; parked until it is: {}", leaseId, grant,
                        scene.id(), ex.toString());
            }
        }
        return grant;
    }

    /**
     * Writes every parked record of the known scenes to MySQL, each once (by its id: a
     * write that timed out may have landed, another instance may be writing it too), and
     * drops it from Redis. Stops at the first failure; runs every
     * {@code order.budget.record-retry-interval} and before a shutdown gives the rest
     * back.
     * @return how many records are still parked
     */
    @Scheduled(fixedDelayString = "${order.budget.record-retry-interval:1s}")
    synchronized int recordPending() {
        List<ParkedLease> parked;
        try {
            parked = parked();
        }
        catch (RuntimeException ex) {
            log.debug("Parked lease records not looked at (Redis): {}", ex.toString());
            return this.parkedAtLastLook.get();
        }
        int written = 0;
        try {
            for (ParkedLease lease : parked) {
                write(lease);
                written++;
            }
        }
        catch (RuntimeException ex) {
            // MySQL (or Redis) still failing: the rest stays parked for the next round
        }
        this.recordingFails = written < parked.size();
        this.parkedAtLastLook.set(parked.size() - written);
        return parked.size() - written;
    }

    /** Leases granted and not recorded in MySQL yet, as of the last look. */
    int unrecordedLeases() {
        return this.parkedAtLastLook.get();
    }

    /**
     * Gives back budget leased but never issued (an instance shutting down). Recorded
     * first: a return that MySQL never saw leaves the lease open there, and
     * reconciliation reclaims it from the dead lessee; taken off the counter first, it
     * would be taken off twice and the scene could overspend.
     */
    void giveBack(String sceneId, String lessee, long amount) {
        if (amount > 0) {
            this.table.insertOnce(UUID.randomUUID().toString(), "return", sceneId, lessee, -amount,
                    this.clock.millis());
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
        long now = this.clock.millis();
        if (stranded > 0 && this.table.insertOnce(LeaseTable.onlyIdOf("reclaim", sceneId, lessee), "reclaim", sceneId,
                lessee, -stranded, now)) {
            this.redis.opsForHash().increment(key(sceneId), "leased", -stranded);
            returned = true;
        }
        this.table.insertOnce(LeaseTable.onlyIdOf("spent", sceneId, lessee), "spent", sceneId, lessee, -spent, now);
        return returned;
    }

    /**
     * Per scene, what the Redis counter should hold: the net leased as MySQL records it,
     * plus the grants parked and not recorded yet.
     */
    Map<String, Long> accountedLeased() {
        Map<String, Long> leased = this.table.netLeased();
        parked().forEach((lease) -> leased.merge(lease.sceneId(), lease.amount(), Long::sum));
        return leased;
    }

    private List<ParkedLease> parked() {
        Set<String> scenes = new TreeSet<>(this.configuredScenes.get());
        scenes.addAll(this.leasedScenes);
        List<ParkedLease> parked = new ArrayList<>();
        for (String sceneId : scenes) {
            this.redis.opsForHash()
                .entries(parkedKey(sceneId))
                .forEach((id, value) -> parked.add(ParkedLease.of(sceneId, id.toString(), value.toString())));
        }
        return parked;
    }

    /** The leased amount of the scene's shared counter in Redis. */
    long leasedInRedis(String sceneId) {
        Object leased = this.redis.opsForHash().get(key(sceneId), "leased");
        return (leased != null) ? Long.parseLong(leased.toString()) : 0;
    }

    /** Records the grant in MySQL once, then drops its parked copy. */
    private void write(ParkedLease lease) {
        // false: an earlier attempt, or another instance, landed it
        this.table.insertOnce(lease.id(), "lease", lease.sceneId(), lease.lessee(), lease.amount(), lease.atMs());
        this.redis.opsForHash().delete(parkedKey(lease.sceneId()), lease.id());
    }

    /** A grant made in Redis, to be recorded in MySQL. */
    private record ParkedLease(String id, String sceneId, String lessee, long amount, long atMs) {

        /** As the lease script parks it: {@code amount|atMs|lessee}. */
        static ParkedLease of(String sceneId, String id, String parked) {
            String[] fields = parked.split("\\|", 3);
            return new ParkedLease(id, sceneId, fields[2], Long.parseLong(fields[0]), Long.parseLong(fields[1]));
        }

    }

}
