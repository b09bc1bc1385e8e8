package org.walletplatform.store.reconcile;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.walletplatform.model.RedisKeys;
import org.walletplatform.model.line.AssetItem;
import org.walletplatform.model.line.AssetSnapshot;
import org.walletplatform.model.wallet.LineAssets;
import org.walletplatform.store.StoreFixtures;
import org.walletplatform.store.StoreTestApplication;
import org.walletplatform.store.cache.CachedVersions;
import org.walletplatform.store.cache.WalletCache;
import org.walletplatform.store.snapshot.SnapshotStore;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cache reconciliation against the real MySQL shards and Redis: drifted wallets are
 * dropped, consistent and uncached ones left alone, one run at a time.
 */
@SpringBootTest(classes = StoreTestApplication.class)
@ActiveProfiles("test")
class CacheReconcilerIT {

    private final JdbcTemplate physical = new JdbcTemplate(
            new DriverManagerDataSource("jdbc:mariadb://127.0.0.1:3306/wallet_test_ds_0", "root", ""));

    private final long base = ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000) * 100;

    @Autowired
    private CacheReconciler reconciler;

    @Autowired
    private SnapshotStore store;

    @Autowired
    private WalletCache cache;

    @Autowired
    private CachedVersions cached;

    @Autowired
    private StringRedisTemplate redis;

    @Autowired
    private JsonMapper json;

    @Autowired
    private ReconciliationProperties properties;

    @BeforeEach
    void onlyThisTestsWallets() {
        StoreFixtures.truncateShards(this.physical);
        this.cached.forEachCachedUser(1000, this.cached::drop);
        this.redis.delete(List.of(CacheReconciler.LEASE, CacheReconciler.LAST));
    }

    @Test
    void shouldDropEveryDriftedWalletAndNothingElse() {
        long higher = this.base + 1;
        long lineMissing = this.base + 2;
        long consistent = this.base + 3;
        long uncached = this.base + 4;
        long orphan = this.base + 5;
        this.store.upsertNewer(List.of(cash(higher, 2), cash(lineMissing, 2), coins(lineMissing, 1),
                cash(consistent, 2), cash(uncached, 2)));
        this.cache.fill(higher, List.of(line("cash", 3)));
        this.cache.fill(lineMissing, List.of(line("cash", 2)));
        this.cache.fill(consistent, this.store.loadWallet(consistent));
        this.cache.fill(orphan, List.of(line("cash", 1)));

        ReconciliationRun started = this.reconciler.start(Runnable::run).orElseThrow();

        assertThat(cachedUsers()).contains(consistent).doesNotContain(higher, lineMissing, uncached, orphan);
        ReconciliationRun run = this.reconciler.last().orElseThrow();
        assertThat(run.id()).isEqualTo(started.id());
        assertThat(run.state()).isEqualTo("done");
        assertThat(run.finishedAt()).isNotNull();
        assertThat(run.usersChecked()).isEqualTo(4);
        assertThat(run.keysChecked()).as("the consistent and the orphan").isEqualTo(2);
        assertThat(run.drifted()).isEqualTo(3);
        assertThat(this.redis.hasKey(CacheReconciler.LEASE)).as("the lease is given back").isFalse();
    }

    /**
     * A sync stores a line a moment before it merges it into the cache: a wallet that
     * catches up before the second look is left alone.
     */
    @Test
    void shouldLeaveAWalletThatCatchesUpBeforeTheSecondLook() {
        long merging = this.base + 6;
        this.store.upsertNewer(List.of(cash(merging, 2)));
        this.cache.fill(merging, List.of(line("cash", 1)));
        CacheReconciler mergedMeanwhile = new CacheReconciler(this.store, this.cached, this.redis, this.json,
                Clock.systemUTC(), this.properties) {
            @Override
            void pause() {
                // the sync's merge lands between the two looks
                CacheReconcilerIT.this.cache.mergeIntoCached(Map.of(merging, List.of(line("cash", 2))));
            }
        };

        mergedMeanwhile.start(Runnable::run);

        assertThat(cachedUsers()).contains(merging);
        assertThat(this.reconciler.last().orElseThrow().drifted()).isZero();
    }

    @Test
    void shouldStartNoSecondRunWhileOneHoldsTheLease() {
        this.redis.opsForValue().set(CacheReconciler.LEASE, "another instance's run");

        assertThat(this.reconciler.start(Runnable::run)).isEmpty();
        assertThat(this.reconciler.last()).isEmpty();
    }

    private List<Long> cachedUsers() {
        List<Long> users = new java.util.ArrayList<>();
        this.cached.forEachCachedUser(1000, users::addAll);
        return users;
    }

    private static AssetSnapshot cash(long userId, long version) {
        return StoreFixtures.cash(userId, version, 100);
    }

    private static AssetSnapshot coins(long userId, long version) {
        return new AssetSnapshot(userId, "coins", version,
                List.of(new AssetItem("coins", "coins", "Coins", 5, "COIN")));
    }

    private static LineAssets line(String businessLine, long version) {
        return new LineAssets(businessLine, version, Instant.EPOCH,
                List.of(new AssetItem(businessLine, businessLine, businessLine, 100, "CNY")));
    }

}
