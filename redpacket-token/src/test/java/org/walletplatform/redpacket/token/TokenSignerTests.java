package org.walletplatform.redpacket.token;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Signing and verifying tokens, and every way a presented token is refused. */
class TokenSignerTests {

    private static final String KEY_1 = "iJh/aS98ViyxF4ypYbq4wLtSPYqw5dW+oGG/0+qZKGA=";

    private static final String KEY_2 = Base64.getEncoder().encodeToString(new byte[32]);

    private final TokenSigner signer = signer("k1", Map.of("k1", new TokenSigner.Key(KEY_1, null)));

    private static final RedPacketToken TOKEN = new RedPacketToken("k1", "app-1", 42, "gala", "gala-cash", 1_234,
            "42_gala-cash_r1_cash_1", 1_790_000_000_000L, "r1", RedPacketToken.CREATED);

    @Test
    void shouldVerifyWhatItSignedAndStateTheSameFields() {
        assertThat(this.signer.verify(this.signer.sign(TOKEN))).isEqualTo(TOKEN);
    }

    @Test
    void shouldRefuseATokenWhosePayloadWasAltered() {
        String signed = this.signer.sign(TOKEN);
        String payload = new String(Base64.getUrlDecoder().decode(signed.substring(0, signed.indexOf('.'))),
                StandardCharsets.UTF_8);
        String altered = encode(payload.replace("\"amount\":1234", "\"amount\":9234"))
                + signed.substring(signed.indexOf('.'));

        assertRefused(altered, InvalidTokenException.Reason.BAD_SIGNATURE);
    }

    @Test
    void shouldRefuseASignatureOfAnotherKeyAndAnUnknownKeyId() {
        TokenSigner other = signer("k1", Map.of("k1", new TokenSigner.Key(KEY_2, null)));
        assertRefused(other.sign(TOKEN), InvalidTokenException.Reason.BAD_SIGNATURE);

        TokenSigner stranger = signer("k9", Map.of("k9", new TokenSigner.Key(KEY_2, null)));
        RedPacketToken foreign = new RedPacketToken("k9", "app-1", 42, "gala", "gala-cash", 1_234,
                "42_gala-cash_r1_cash_1", 1_790_000_000_000L, "r1", RedPacketToken.CREATED);
        assertRefused(stranger.sign(foreign), InvalidTokenException.Reason.UNKNOWN_KEY);
    }

    @Test
    void shouldVerifyTokensOfARetiredKeyAfterRotation() {
        String old = this.signer.sign(TOKEN);
        byte[] publicKey = new byte[32];
        org.bouncycastle.math.ec.rfc8032.Ed25519.generatePublicKey(Base64.getDecoder().decode(KEY_1), 0, publicKey, 0);
        TokenSigner rotated = signer("k2", Map.of("k2", new TokenSigner.Key(KEY_2, null), "k1",
                new TokenSigner.Key(null, Base64.getEncoder().encodeToString(publicKey))));

        assertThat(rotated.verify(old)).isEqualTo(TOKEN);
        assertThat(rotated.signingKeyId()).isEqualTo("k2");
    }

    @Test
    void shouldRefuseMalformedTokens() {
        for (String malformed : new String[] { null, "", ".", "abc", "a.b.c", "!!!.???", encode("{}") + ".AAAA",
                encode("[1,2]") + ".AAAA", encode("{\"kid\":\"k1\",\"actId\":\"x\"}") + ".AAAA", "x".repeat(3000) }) {
            assertRefused(malformed, InvalidTokenException.Reason.MALFORMED);
        }
    }

    private TokenSigner signer(String signingKeyId, Map<String, TokenSigner.Key> keys) {
        return new TokenSigner(signingKeyId, keys);
    }

    private void assertRefused(String token, InvalidTokenException.Reason reason) {
        assertThatThrownBy(() -> this.signer.verify(token)).as(String.valueOf(token))
            .isInstanceOfSatisfying(InvalidTokenException.class, (ex) -> assertThat(ex.reason()).isEqualTo(reason));
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

}
