package org.walletplatform.read.refresh;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecentClaimsTests {

    @Test
    void shouldGrantOneClaimPerUserPerInterval() {
        RecentClaims claims = new RecentClaims(Duration.ofSeconds(10), 100);

        assertThat(claims.claim(1, 1_000)).isTrue();
        assertThat(claims.claim(1, 10_999)).isFalse();
        assertThat(claims.claim(2, 10_999)).isTrue();
        assertThat(claims.claim(1, 11_000)).isTrue();
    }

    @Test
    void shouldKeepAtLeastTwiceItsCapacityOfSlotsAndForgetAUserWhoseSlotAnotherTook() {
        RecentClaims claims = new RecentClaims(Duration.ofHours(1), 3);
        assertThat(claims.slotCount()).isEqualTo(8);
        long sharing = 1 + claims.slotCount();
        claims.claim(1, 0);
        claims.claim(2, 0);
        claims.claim(sharing, 0);

        assertThat(claims.claim(2, 1)).as("still remembered").isFalse();
        assertThat(claims.claim(1, 1)).as("pushed out by a user of the same slot: claimable again").isTrue();
        assertThat(new RecentClaims(Duration.ofHours(1), 100_000).slotCount()).isEqualTo(262_144);
    }

    @Test
    void shouldGrantEachUserOnceWhenManyThreadsClaimAtOnce() throws Exception {
        RecentClaims claims = new RecentClaims(Duration.ofHours(1), 1_000);
        Callable<Integer> claimAll = () -> {
            int granted = 0;
            for (long user = 1; user <= 1_000; user++) {
                granted += claims.claim(user, 0) ? 1 : 0;
            }
            return granted;
        };
        List<Future<Integer>> threads = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 8; i++) {
                threads.add(pool.submit(claimAll));
            }
        }
        int granted = 0;
        for (Future<Integer> thread : threads) {
            granted += thread.get();
        }
        assertThat(granted).isEqualTo(1_000);
    }

}
