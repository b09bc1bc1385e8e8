package org.walletplatform.store.cache;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import io.lettuce.core.cluster.SlotHash;
import org.junit.jupiter.api.Test;
import org.walletplatform.model.line.AssetItem;
import org.walletplatform.model.wallet.LineAssets;
import org.walletplatform.store.StoreTestApplication;
import org.walletplatform.testing.OnRedisCluster;
import org.walletplatform.testing.SlotMigration;
import org.walletplatform.testing.TestRedisCluster;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A wallet's slot moves to another master of the Cluster (resharding a live Cluster, the
 * way {@code redis-cli --cluster reshard} moves slots) while the wallet cache keeps
 * merging into it: every merge lands, whether the key is still on the old master, half
 * way (ASK), or already on the new one (MOVED), whose node may not hold the merge script
 * yet.
 */
@SpringBootTest(classes = StoreTestApplication.class)
@ActiveProfiles("test")
@OnRedisCluster
class WalletCacheSlotMigrationIT {

    private static final long USER = 4_300_001L;

    /** Other keys in the wallet's slot, so the slot takes many MIGRATE calls to move. */
    private static final int NEIGHBOURS = 3_000;

    @Autowired
    private WalletCache cache;

    @Autowired
    private StringRedisTemplate template;

    @Test
    void shouldLandEveryMergeWhileTheWalletsSlotMovesToAnotherMaster() throws Exception {
        String key = WalletCache.key(USER);
        this.cache.fill(USER, List.of(line(1)));
        for (int i = 0; i < NEIGHBOURS; i += 500) {
            int from = i;
            this.template.executePipelined((RedisCallback<Object>) (c) -> {
                for (int n = from; n < from + 500; n++) {
                    c.stringCommands().set(("{" + key + "}:neighbour:" + n).getBytes(), "x".getBytes());
                }
                return null;
            });
        }
        AtomicBoolean merging = new AtomicBoolean(true);
        AtomicLong merged = new AtomicLong(1);
        CompletableFuture<Long> failures = CompletableFuture.supplyAsync(() -> {
            long failed = 0;
            while (merging.get()) {
                long version = merged.get() + 1;
                try {
                    assertThat(this.cache.mergeIntoCached(Map.of(USER, List.of(line(version)))).notCached()).isEmpty();
                    merged.set(version);
                }
                catch (RuntimeException ex) {
                    failed++;
                }
            }
            return failed;
        });

        try (SlotMigration migration = SlotMigration.begin(TestRedisCluster.nodes(), SlotHash.getSlot(key))) {
            // the wallet first: while its neighbours follow, every merge is sent on (ASK)
            migration.move(key);
            long before = merged.get();
            Thread.sleep(300);
            long halfway = merged.get() - before;
            migration.finish();
            before = merged.get();
            Thread.sleep(1_000);
            merging.set(false);

            assertThat(failures.get()).as("merges that failed").isZero();
            assertThat(halfway).as("merges while the slot was half moved").isPositive();
            assertThat(merged.get() - before).as("merges once it moved").isPositive();
            assertThat(migration.movedOver(key)).as("the wallet lives on the new master").isTrue();
            assertThat(this.cache.get(USER))
                .hasValueSatisfying((lines) -> assertThat(lines.get(0).version()).isEqualTo(merged.get()));
        }
        finally {
            merging.set(false);
            for (int i = 0; i < NEIGHBOURS; i += 500) {
                this.template
                    .delete(IntStream.range(i, i + 500).mapToObj((n) -> "{" + key + "}:neighbour:" + n).toList());
            }
        }
    }

    private static LineAssets line(long version) {
        return new LineAssets("cash", version, Instant.parse("2026-12-08T00:00:00Z"),
                List.of(new AssetItem("cash", "cash", "cash", version, "CNY")));
    }

}
