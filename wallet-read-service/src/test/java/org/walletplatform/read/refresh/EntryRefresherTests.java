package org.walletplatform.read.refresh;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.walletplatform.model.wallet.WalletView;

import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * When the Redis claims do not answer in time, the users are refreshed anyway (each
 * instance's memory still holds them to one refresh per interval), not dropped.
 */
class EntryRefresherTests {

    private final EntryRefreshIT.WriteSide writeSide = new EntryRefreshIT.WriteSide();

    private final StringRedisTemplate redis = mock(StringRedisTemplate.class);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private final EntryRefresher refresher = new EntryRefresher(
            this.redis, new RefreshProperties(URI.create(this.writeSide.url()), Duration.ofMinutes(10),
                    Duration.ofHours(24), 1_000, Duration.ofSeconds(5), 100),
            CircuitBreakerRegistry.ofDefaults(), this.meters);

    @AfterEach
    void stop() {
        this.refresher.close();
        this.writeSide.close();
    }

    private double count(String result) {
        return this.meters.get(EntryRefresher.METER).tag("result", result).counter().count();
    }

    @Test
    void shouldRefreshUsersWhoseClaimsTimedOut() {
        given(this.redis.executePipelined(any(RedisCallback.class)))
            .willThrow(new QueryTimeoutException("Redis command timed out"));
        this.refresher.start();

        this.refresher.onEntry(41, WalletView.FROM_CACHE);
        this.refresher.onEntry(42, WalletView.FROM_PRESENCE);

        await().atMost(Duration.ofSeconds(10)).until(() -> count("requested") == 2);
        assertThat(this.writeSide.usersSince(0)).containsExactlyInAnyOrder(41L, 42L);
        this.refresher.onEntry(41, WalletView.FROM_CACHE);
        assertThat(count("skipped")).as("the second entry is skipped in memory").isEqualTo(1);
        assertThat(count("failed")).isZero();
    }

}
