package org.walletplatform.model.signing;

import java.nio.charset.StandardCharsets;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestSignatureTests {

    private static final byte[] BODY = "{\"userId\":1,\"businessLine\":\"cash\"}".getBytes(StandardCharsets.UTF_8);

    private final String signature = RequestSignature.sign("secret", "POST", "/v1/notifications", 1_795_000_000L,
            "nonce-0123456789ab", BODY);

    @Test
    void shouldMatchAKnownHmacSha256Vector() {
        // computed independently: printf
        // 'POST\n/v1/notifications\n1795000000\nnonce-0123456789ab\n%s' \
        // "$(printf '%s' "$BODY" | sha256sum | cut -d' ' -f1)" | openssl dgst -sha256
        // -hmac secret
        assertThat(this.signature).isEqualTo("v1=cf4b7d42a6665b5eb52e8b8bbb81d29a190b8ee06a281d839939727438a7bdef");
    }

    @Test
    void shouldChangeWhenAnySignedPartChanges() {
        assertThat(
                RequestSignature.sign("other", "POST", "/v1/notifications", 1_795_000_000L, "nonce-0123456789ab", BODY))
            .isNotEqualTo(this.signature);
        assertThat(
                RequestSignature.sign("secret", "PUT", "/v1/notifications", 1_795_000_000L, "nonce-0123456789ab", BODY))
            .isNotEqualTo(this.signature);
        assertThat(RequestSignature.sign("secret", "POST", "/v1/notifications:batch", 1_795_000_000L,
                "nonce-0123456789ab", BODY))
            .isNotEqualTo(this.signature);
        assertThat(RequestSignature.sign("secret", "POST", "/v1/notifications", 1_795_000_001L, "nonce-0123456789ab",
                BODY))
            .isNotEqualTo(this.signature);
        assertThat(RequestSignature.sign("secret", "POST", "/v1/notifications", 1_795_000_000L, "nonce-0123456789ac",
                BODY))
            .isNotEqualTo(this.signature);
        assertThat(RequestSignature.sign("secret", "POST", "/v1/notifications", 1_795_000_000L, "nonce-0123456789ab",
                "{}".getBytes(StandardCharsets.UTF_8)))
            .isNotEqualTo(this.signature);
    }

    @Test
    void shouldSignAlikeWithAKeyUsedManyTimesAndFromManyThreads() {
        RequestSignature.Key key = RequestSignature.key("secret");
        assertThat(key.sign("PUT", "/v1/x", 1L, "nonce-0123456789ab", BODY))
            .isEqualTo(RequestSignature.sign("secret", "PUT", "/v1/x", 1L, "nonce-0123456789ab", BODY));
        // each signature starts from the keyed state, whatever was signed before or
        // beside it
        assertThat(IntStream.range(0, 2_000)
            .parallel()
            .mapToObj((i) -> key.sign("POST", "/v1/notifications", 1_795_000_000L, "nonce-0123456789ab", BODY))
            .distinct()
            .toList()).containsExactly(this.signature);
    }

    @Test
    void shouldCompareSignaturesExactly() {
        assertThat(RequestSignature.matches(this.signature, this.signature)).isTrue();
        assertThat(RequestSignature.matches(this.signature.toUpperCase(), this.signature)).isFalse();
        assertThat(RequestSignature.matches(null, this.signature)).isFalse();
    }

    @Test
    void shouldAcceptOnlyNoncesOfTheDocumentedShape() {
        assertThat(RequestSignature.isWellFormedNonce("abcdefghij012345")).isTrue();
        assertThat(RequestSignature.isWellFormedNonce("short")).isFalse();
        assertThat(RequestSignature.isWellFormedNonce("has space 0123456789")).isFalse();
        assertThat(RequestSignature.isWellFormedNonce(null)).isFalse();
    }

}
