package org.walletplatform.read.refresh;

import java.time.Duration;

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
    void shouldForgetTheLeastRecentlyClaimedBeyondItsCapacity() {
        RecentClaims claims = new RecentClaims(Duration.ofHours(1), 2);
        claims.claim(1, 0);
        claims.claim(2, 0);
        claims.claim(3, 0);

        assertThat(claims.claim(2, 1)).as("still remembered").isFalse();
        assertThat(claims.claim(1, 1)).as("forgotten, so claimable again").isTrue();
    }

}
