package org.walletplatform.store.cache;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.walletplatform.model.line.AssetItem;
import org.walletplatform.model.wallet.LineAssets;
import org.walletplatform.store.StoreTestApplication;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Redis wallet cache on a real Redis: per-line version-guarded merges, and no partial
 * wallet ever created.
 */
@SpringBootTest(classes = StoreTestApplication.class)
@ActiveProfiles("test")
class WalletCacheIT {

    @Autowired
    private WalletCache cache;

    @Autowired
    private StringRedisTemplate redis;

    @Autowired
    private JsonMapper json;

    @BeforeEach
    void clear() {
        this.redis.delete(List.of(WalletCache.key(1), WalletCache.key(2), WalletCache.key(3), WalletCache.key(4)));
    }

    @Test
    void shouldKeepTheLinesRenderedAsTheJsonOfTheParsedLinesThroughEveryMerge() {
        this.redis.delete(WalletCache.key(5));
        this.cache.fill(5L, List.of(line("coins", 1, 10), line("cash", 1, 100)));
        this.cache.mergeIntoCached(Map.of(5L, List.of(line("cash", 2, 200), line("coupons", 1, 3))));

        String rendered = this.cache.getRenderedLines(5).orElseThrow();
        List<LineAssets> lines = this.cache.get(5).orElseThrow();
        assertThat(lines).extracting(LineAssets::businessLine).containsExactly("cash", "coins", "coupons");
        assertThat(lines.get(0).version()).isEqualTo(2);
        assertThat(rendered).isEqualTo(this.json.writeValueAsString(lines));
    }

    @Test
    void shouldNeverServeARenderingOlderThanTheLastMerge() {
        this.cache.fill(1L, List.of(line("cash", 1, 100)));
        assertThat(this.cache.get(1)).hasValueSatisfying((lines) -> assertThat(lines.get(0).version()).isEqualTo(1));

        this.cache.mergeIntoCached(Map.of(1L, List.of(line("cash", 2, 200))));
        assertThat(this.cache.get(1)).hasValueSatisfying((lines) -> assertThat(lines.get(0).version()).isEqualTo(2));

        this.cache.mergeIntoCached(Map.of(1L, List.of(line("cash", 1, 100), line("coins", 1, 10))));
        assertThat(this.cache.get(1)).hasValueSatisfying((lines) -> {
            assertThat(lines).extracting(LineAssets::businessLine).containsExactly("cash", "coins");
            assertThat(lines.get(0).version()).as("the older cash line was refused").isEqualTo(2);
        });
    }

    @Test
    void shouldNotLetARefillPutBackAnOlderLine() {
        this.cache.fill(Map.of(1L, List.of(line("cash", 2, 200))));
        this.cache.fill(1L, List.of(line("cash", 1, 100), line("coins", 4, 40)));

        assertThat(this.cache.get(1)).hasValueSatisfying((lines) -> {
            assertThat(lines).extracting(LineAssets::businessLine).containsExactly("cash", "coins");
            assertThat(lines.get(0).version()).isEqualTo(2);
            assertThat(lines.get(0).assets().get(0).amountMinor()).isEqualTo(200);
        });
    }

    @Test
    void shouldMergeNewerLinesIntoACachedWalletAndKeepTheOthers() {
        this.cache.fill(2L, List.of(line("cash", 1, 100), line("coupons", 5, 500)));

        assertThat(this.cache.mergeIntoCached(Map.of(2L, List.of(line("cash", 3, 300), line("coupons", 4, 1))))
            .notCached()).isEmpty();

        assertThat(this.cache.get(2)).hasValueSatisfying((lines) -> {
            assertThat(lines).extracting(LineAssets::version).containsExactly(3L, 5L);
            assertThat(lines.get(1).assets().get(0).amountMinor()).isEqualTo(500);
        });
        assertThat(this.redis.getExpire(WalletCache.key(2))).isPositive();
    }

    @Test
    void shouldStillMergeAfterRedisLostItsScripts() {
        this.cache.fill(2L, List.of(line("cash", 1, 100)));
        this.redis.execute((RedisCallback<Void>) (connection) -> {
            connection.scriptingCommands().scriptFlush();
            return null;
        });

        WalletCache.Merged merged = this.cache
            .mergeIntoCached(Map.of(2L, List.of(line("cash", 2, 200)), 3L, List.of(line("coins", 1, 10))));

        assertThat(merged.notCached()).containsExactly(3L);
        assertThat(merged.holding()).containsExactly(2L);
        assertThat(this.cache.get(2)).hasValueSatisfying((lines) -> assertThat(lines.get(0).version()).isEqualTo(2));
    }

    @Test
    void shouldReportUsersNotCachedInsteadOfCreatingAPartialWallet() {
        this.cache.fill(3L, List.of(line("cash", 1, 100)));

        assertThat(
                this.cache.mergeIntoCached(Map.of(3L, List.of(line("coins", 1, 10)), 4L, List.of(line("coins", 1, 10))))
                    .notCached())
            .containsExactly(4L);
        assertThat(this.cache.get(4)).isEmpty();
        assertThat(this.cache.get(3)).hasValueSatisfying((lines) -> assertThat(lines).hasSize(2));
    }

    @Test
    void shouldTellWhetherTheWholeMergedWalletHoldsAssets() {
        this.cache.fill(1L, List.of(line("cash", 1, 100), empty("coins", 1)));
        this.cache.fill(2L, List.of());
        assertThat(this.cache.fill(Map.of(3L, List.of(line("cash", 1, 100)), 4L, List.of(empty("cash", 1)))))
            .as("wallets read from MySQL")
            .containsExactly(3L);

        assertThat(this.cache.mergeIntoCached(Map.of(1L, List.of(empty("coins", 2)), 2L, List.of(empty("cash", 1))))
            .holding()).as("cash still holds, the empty wallet gained an empty line").containsExactly(1L);
        assertThat(this.cache.mergeIntoCached(Map.of(1L, List.of(empty("cash", 2)))).holding()).isEmpty();
        assertThat(this.cache.mergeIntoCached(Map.of(1L, List.of(empty("cash", 2)))).holding())
            .as("a replay changes nothing and still answers")
            .isEmpty();
        assertThat(this.cache.mergeIntoCached(Map.of(1L, List.of(line("coupons", 1, 5)))).holding())
            .containsExactly(1L);
        assertThat(this.cache.mergeIntoCached(Map.of(1L, List.of(line("coupons", 1, 5)))).holding())
            .containsExactly(1L);

        this.cache.fill(2L, List.of(line("cash", 1, 100)));
        assertThat(this.cache.mergeIntoCached(Map.of(2L, List.of(line("cash", 2, 200)))).holding())
            .as("a line that held and holds still counts once")
            .containsExactly(2L);
        assertThat(this.cache.mergeIntoCached(Map.of(2L, List.of(empty("cash", 3)))).holding()).isEmpty();
    }

    @Test
    void shouldCacheAWalletWithoutLinesAsAHit() {
        this.cache.fill(4L, List.of());

        assertThat(this.cache.get(4)).hasValueSatisfying((lines) -> assertThat(lines).isEmpty());
        assertThat(this.cache.get(3_000_000_000L)).isEmpty();
    }

    private static LineAssets empty(String businessLine, long version) {
        return new LineAssets(businessLine, version, Instant.parse("2026-11-22T00:00:00Z"), List.of());
    }

    private static LineAssets line(String businessLine, long version, long amount) {
        return new LineAssets(businessLine, version, Instant.parse("2026-11-22T00:00:00Z"),
                List.of(new AssetItem(businessLine, businessLine, businessLine, amount, "CNY")));
    }

}
