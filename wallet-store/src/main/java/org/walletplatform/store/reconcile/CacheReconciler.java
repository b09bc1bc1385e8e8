package org.walletplatform.store.reconcile;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.walletplatform.model.wallet.LineAssets;
import org.walletplatform.store.cache.CachedVersions;
import org.walletplatform.store.snapshot.SnapshotStore;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * The T+1 reconciliation of the Redis wallet cache against MySQL, the source of truth.
 * First every user with rows in MySQL, page by page: a cached wallet whose line versions
 * differ from the stored ones has drifted. Then every cached wallet: one for a user MySQL
 * holds no rows of has drifted too. A drifted wallet is checked once more after
 * {@code recheckAfter} (a sync may have stored a line and not yet merged it) and then
 * dropped, which is always safe: the next read or merge fills it from MySQL as a whole.
 * One run at a time across instances (a Redis lease); its progress is kept in Redis for
 * ops to watch.
 */
@Component
public class CacheReconciler {

    private static final Logger log = LoggerFactory.getLogger(CacheReconciler.class);

    static final String LEASE = "wallet:reconciliation:lease";

    static final String LAST = "wallet:reconciliation:last";

    private static final Duration LEASE_TIME = Duration.ofMinutes(2);

    private final SnapshotStore store;

    private final CachedVersions cached;

    private final StringRedisTemplate redis;

    private final JsonMapper json;

    private final Clock clock;

    private final int pageSize;

    private final Duration recheckAfter;

    public CacheReconciler(SnapshotStore store, CachedVersions cached, StringRedisTemplate redis, JsonMapper json,
            Clock clock, ReconciliationProperties properties) {
        this.store = store;
        this.cached = cached;
        this.redis = redis;
        this.json = json;
        this.clock = clock;
        this.pageSize = properties.pageSize();
        this.recheckAfter = properties.recheckAfter();
    }

    /**
     * Starts a run on {@code executor}, unless one runs already (on any instance).
     * @return the run as it starts, or empty when another holds the lease
     */
    public Optional<ReconciliationRun> start(Executor executor) {
        String id = UUID.randomUUID().toString();
        if (!Boolean.TRUE.equals(this.redis.opsForValue().setIfAbsent(LEASE, id, LEASE_TIME))) {
            return Optional.empty();
        }
        ReconciliationRun run = new ReconciliationRun(id, ReconciliationRun.RUNNING, this.clock.instant(), null, 0, 0,
                0, null);
        save(run);
        executor.execute(() -> runToEnd(run));
        return Optional.of(run);
    }

    /** The last run, or the one running now. */
    public Optional<ReconciliationRun> last() {
        String stored = this.redis.opsForValue().get(LAST);
        return Optional.ofNullable(stored).map((text) -> this.json.readValue(text, ReconciliationRun.class));
    }

    private void runToEnd(ReconciliationRun started) {
        ReconciliationRun run = started;
        try {
            run = checkStoredUsers(run);
            run = checkCachedUsers(run);
            save(run.ended(ReconciliationRun.DONE, this.clock.instant(), null));
            log.info("Wallet cache reconciliation {}: {} users and {} cached wallets checked, {} drifted and dropped",
                    run.id(), run.usersChecked(), run.keysChecked(), run.drifted());
        }
        catch (RuntimeException ex) {
            save(run.ended(ReconciliationRun.FAILED, this.clock.instant(), ex.toString()));
            log.warn("Wallet cache reconciliation {} failed: {}", run.id(), ex.toString());
        }
        finally {
            this.redis.delete(LEASE);
        }
    }

    private ReconciliationRun checkStoredUsers(ReconciliationRun started) {
        ReconciliationRun run = started;
        long after = 0;
        while (true) {
            List<Long> rows = this.store.usersAfter(after, this.pageSize);
            if (rows.isEmpty()) {
                return run;
            }
            List<Long> users = new ArrayList<>(new LinkedHashSet<>(rows));
            after = rows.get(rows.size() - 1);
            run = progress(run.progressed(users.size(), 0, dropDrifted(users)));
        }
    }

    private ReconciliationRun checkCachedUsers(ReconciliationRun started) {
        ReconciliationRun[] run = { started };
        this.cached.forEachCachedUser(this.pageSize, (users) -> {
            List<Long> orphans = this.store.loadWallets(users)
                .entrySet()
                .stream()
                .filter((wallet) -> wallet.getValue().isEmpty())
                .map(Map.Entry::getKey)
                .toList();
            run[0] = progress(run[0].progressed(0, users.size(), dropDrifted(orphans)));
        });
        return run[0];
    }

    /** Drops the users' cached wallets that differ from MySQL twice, a moment apart. */
    private int dropDrifted(Collection<Long> users) {
        if (users.isEmpty()) {
            return 0;
        }
        List<Long> suspects = drifted(users);
        if (suspects.isEmpty()) {
            return 0;
        }
        pause();
        List<Long> confirmed = drifted(suspects);
        this.cached.drop(confirmed);
        return confirmed.size();
    }

    private List<Long> drifted(Collection<Long> users) {
        Map<Long, List<LineAssets>> stored = this.store.loadWallets(users);
        return this.cached.of(users)
            .entrySet()
            .stream()
            .filter((entry) -> entry.getValue().isPresent()
                    && !entry.getValue().get().equals(versions(stored.get(entry.getKey()))))
            .map(Map.Entry::getKey)
            .toList();
    }

    private static Map<String, Long> versions(List<LineAssets> lines) {
        return lines.stream().collect(Collectors.toMap(LineAssets::businessLine, LineAssets::version));
    }

    private ReconciliationRun progress(ReconciliationRun run) {
        save(run);
        this.redis.expire(LEASE, LEASE_TIME);
        return run;
    }

    private void save(ReconciliationRun run) {
        this.redis.opsForValue().set(LAST, this.json.writeValueAsString(run));
    }

    /** Gives a sync under way the time to merge what it stored. */
    void pause() {
        try {
            Thread.sleep(this.recheckAfter);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
        }
    }

}
