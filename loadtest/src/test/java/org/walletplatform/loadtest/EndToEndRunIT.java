package org.walletplatform.loadtest;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import org.walletplatform.model.RedisKeys;
import org.walletplatform.testing.TestRedisCluster;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The harness's completeness check on a real Redis (database 1, as every test) and on a
 * Redis Cluster, where the wallets' keys fall in different slots: a wallet is complete
 * when each line's version field is at the expected version or past it.
 */
@ParameterizedClass
@ValueSource(strings = { "standalone", "cluster" })
class EndToEndRunIT {

    static final String REDIS = "redis://" + System.getenv().getOrDefault("REDIS_HOST", "127.0.0.1") + ":6379/1";

    private static final long FIRST_USER = 91_000_000L;

    private final String uri;

    private final HarnessRedis redis;

    EndToEndRunIT(String topology) {
        this.uri = "cluster".equals(topology) ? String.join(",", TestRedisCluster.nodes()) : REDIS;
        this.redis = HarnessRedis.connect(this.uri);
    }

    @AfterEach
    void close() {
        for (int i = 0; i < 6; i++) {
            this.redis.commands().del(RedisKeys.wallet(FIRST_USER + i));
        }
        this.redis.close();
    }

    @Test
    void answersTheIndexesOfTheWalletsWithEveryLineAtItsExpectedVersion() {
        wallet(0, Map.of("v:cash", "3", "v:coins", "7"));
        wallet(1, Map.of("v:cash", "3", "v:coins", "6"));
        // no coins line yet
        wallet(2, Map.of("v:cash", "3"));
        // index 3: not cached at all
        wallet(4, Map.of("v:cash", "4", "v:coins", "9"));
        wallet(5, Map.of("v:cash", "3", "v:coins", "7"));
        Map<String, long[]> expected = Map.of("cash", new long[] { 3, 3, 3, 3, 3, 3 }, "coins",
                new long[] { 7, 7, 7, 7, 7, 7 });

        try (EndToEndRun run = new EndToEndRun(new Http(), "http://127.0.0.1:1", this.uri, "jdbc:unused")) {
            assertThat(run.complete(List.of(0, 1, 2, 3, 4, 5), FIRST_USER, List.of("cash", "coins"), expected))
                .containsExactlyInAnyOrder(0, 4, 5);
            // a subset keeps its own indexes, not its positions
            assertThat(run.complete(List.of(3, 4), FIRST_USER, List.of("cash", "coins"), expected)).containsExactly(4);
        }
    }

    private void wallet(int index, Map<String, String> fields) {
        String key = RedisKeys.wallet(FIRST_USER + index);
        this.redis.commands().del(key);
        this.redis.commands().hset(key, fields);
    }

}
