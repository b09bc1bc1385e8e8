package org.walletplatform.redpacket.token;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

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

    @Test
    void shouldSignABatchUnderOneSignatureThatVouchesForEachTokenAlone() {
        for (int size : new int[] { 2, 3, 5, 8, 33 }) {
            List<RedPacketToken> tokens = tokens(size);
            List<String> signed = this.signer.signAll(tokens);

            assertThat(signed).hasSize(size);
            for (int i = 0; i < size; i++) {
                assertThat(this.signer.verify(signed.get(i))).as("token %d of %d", i, size).isEqualTo(tokens.get(i));
                assertThat(parts(signed.get(i))).hasSize(3);
                assertThat(parts(signed.get(i))[2]).isEqualTo(parts(signed.get(0))[2]);
            }
        }
    }

    @Test
    void shouldSignABatchOfOneAlone() {
        List<String> signed = this.signer.signAll(List.of(TOKEN));

        assertThat(signed).containsExactly(this.signer.sign(TOKEN));
        assertThat(this.signer.verify(signed.getFirst())).isEqualTo(TOKEN);
    }

    @Test
    void shouldRefuseABatchTokenWhosePayloadPathOrSignatureWasTamperedWith() {
        List<String> signed = this.signer.signAll(tokens(5));
        String[] first = parts(signed.get(0));
        String[] second = parts(signed.get(1));

        // another payload of the batch under this token's path, and this payload under
        // another's path
        assertRefused(second[0] + "." + first[1] + "." + first[2], InvalidTokenException.Reason.BAD_SIGNATURE);
        assertRefused(first[0] + "." + parts(signed.get(4))[1] + "." + first[2],
                InvalidTokenException.Reason.BAD_SIGNATURE);
        // the amount altered
        String payload = new String(Base64.getUrlDecoder().decode(first[0]), StandardCharsets.UTF_8);
        assertRefused(encode(payload.replace("\"amount\":100", "\"amount\":900")) + "." + first[1] + "." + first[2],
                InvalidTokenException.Reason.BAD_SIGNATURE);
        // a step's side flipped, a sibling hash changed, the root's signature shown as a
        // token's own
        byte[] path = Base64.getUrlDecoder().decode(first[1]);
        byte[] flipped = path.clone();
        flipped[0] = (byte) (1 - flipped[0]);
        assertRefused(first[0] + "." + encodeBytes(flipped) + "." + first[2],
                InvalidTokenException.Reason.BAD_SIGNATURE);
        byte[] changed = path.clone();
        changed[5] ^= 1;
        assertRefused(first[0] + "." + encodeBytes(changed) + "." + first[2],
                InvalidTokenException.Reason.BAD_SIGNATURE);
        assertRefused(first[0] + "." + first[2], InvalidTokenException.Reason.BAD_SIGNATURE);
        // a batch of another key
        String[] foreign = parts(
                signer("k1", Map.of("k1", new TokenSigner.Key(KEY_2, null))).signAll(tokens(5)).getFirst());
        assertRefused(first[0] + "." + first[1] + "." + foreign[2], InvalidTokenException.Reason.BAD_SIGNATURE);
    }

    @Test
    void shouldRefuseABatchTokenWhosePathIsNotAPath() {
        String[] token = parts(this.signer.signAll(tokens(4)).getFirst());
        byte[] path = Base64.getUrlDecoder().decode(token[1]);
        byte[] badSide = path.clone();
        badSide[0] = 7;
        byte[] tooLong = new byte[17 * MerkleTree.STEP_SIZE];

        for (byte[] notAPath : new byte[][] { badSide, Arrays.copyOf(path, path.length - 1), new byte[0], tooLong }) {
            assertRefused(token[0] + "." + encodeBytes(notAPath) + "." + token[2],
                    InvalidTokenException.Reason.MALFORMED);
        }
        assertRefused(token[0] + "." + token[1] + "." + token[1] + "." + token[2],
                InvalidTokenException.Reason.MALFORMED);
    }

    private static List<RedPacketToken> tokens(int count) {
        return IntStream.range(0, count)
            .mapToObj((i) -> new RedPacketToken("k1", "app-1", 42 + i, "gala", "gala-cash", 100 + i,
                    (42 + i) + "_gala-cash_r1_cash_1", 1_790_000_000_000L, "r1", RedPacketToken.CREATED))
            .toList();
    }

    private static String[] parts(String signed) {
        return signed.split("\\.");
    }

    private static String encodeBytes(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
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
