package org.walletplatform.store.cache;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.walletplatform.model.line.AssetItem;
import org.walletplatform.model.wallet.LineAssets;
import org.walletplatform.store.StoreTestApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Redis wallet cache on a real Redis: the sync worker's overwrite beats the read side's refill.
 */
@SpringBootTest(classes = StoreTestApplication.class)
@ActiveProfiles("test")
class WalletCacheIT {

    @Autowired
    private WalletCache cache;

    @Autowired
    private StringRedisTemplate redis;

    @BeforeEach
    void clear() {
        this.redis.delete(List.of(WalletCache.key(1), WalletCache.key(2)));
    }

    @Test
    void shouldNotLetARefillReplaceAWalletTheWorkerWrote() {
        this.cache.putAll(Map.of(1L, lines(2, 200)));
        this.cache.putIfAbsent(1L, lines(1, 100));

        assertThat(this.cache.get(1)).hasValueSatisfying((l) -> assertThat(l.get(0).version()).isEqualTo(2));
    }

    @Test
    void shouldLetTheWorkerReplaceAWalletAndFillAMissingOne() {
        this.cache.putIfAbsent(2L, lines(1, 100));
        assertThat(this.cache.get(2)).hasValueSatisfying((l) -> assertThat(l.get(0).version()).isEqualTo(1));

        this.cache.putAll(Map.of(2L, lines(3, 300)));
        assertThat(this.cache.get(2)).hasValueSatisfying((l) -> assertThat(l.get(0).assets().get(0).amountMinor())
            .isEqualTo(300));
        assertThat(this.redis.getExpire(WalletCache.key(2))).isPositive();
    }

    @Test
    void shouldMissForAnUncachedUser() {
        assertThat(this.cache.get(3_000_000_000L)).isEmpty();
    }

    private static List<LineAssets> lines(long version, long amount) {
        return List.of(new LineAssets("cash", version, Instant.parse("2026-11-22T00:00:00Z"),
                List.of(new AssetItem("cash", "cash", "Cash", amount, "CNY"))));
    }

}
