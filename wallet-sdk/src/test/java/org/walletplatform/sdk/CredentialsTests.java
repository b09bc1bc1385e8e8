package org.walletplatform.sdk;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.walletplatform.model.signing.RequestSignature;

import static org.assertj.core.api.Assertions.assertThat;

class CredentialsTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void signsEachAttemptAsTheLineWithAFreshNonceAndSendsTheUsersToken() {
        Credentials credentials = new Credentials(() -> "jwt-1", "gala", "s3cret", CLOCK);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://wallet/v1/rewards/1_a_b_cash_1?x=1"))
            .GET();

        HttpRequest first = credentials.apply(request.copy()).build();
        HttpRequest second = credentials.apply(request.copy()).build();

        assertThat(first.headers().firstValue("Authorization")).contains("Bearer jwt-1");
        assertThat(first.headers().firstValue(RequestSignature.LINE)).contains("gala");
        String nonce = first.headers().firstValue(RequestSignature.NONCE).orElseThrow();
        assertThat(first.headers().firstValue(RequestSignature.SIGNATURE)).contains(RequestSignature.sign("s3cret",
                "GET", "/v1/rewards/1_a_b_cash_1", CLOCK.instant().getEpochSecond(), nonce, new byte[0]));
        assertThat(second.headers().firstValue(RequestSignature.NONCE)).isPresent().isNotEqualTo(nonce);
    }

    @Test
    void addsNothingWithoutCredentials() {
        HttpRequest request = new Credentials(null, null, null, CLOCK)
            .apply(HttpRequest.newBuilder(URI.create("http://wallet/v1/accounts/1/balance")))
            .build();

        assertThat(request.headers().map()).isEmpty();
    }

}
