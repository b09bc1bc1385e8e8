package org.walletplatform.redpacket.token;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import org.bouncycastle.math.ec.rfc8032.Ed25519;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signs and verifies red-packet tokens with Ed25519 (BouncyCastle's RFC 8032 code: about
 * 23 times the JDK's speed here, STACK.md). A token is
 * {@code base64url(payload) "." base64url(signature)}; the payload names its key id, so
 * keys rotate without invalidating tokens already out.
 */
public class TokenSigner {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final String signingKeyId;

    private final byte[] signingPrivate;

    private final byte[] signingPublic;

    private final Map<String, Ed25519.PublicPoint> verifying = new HashMap<>();

    private final JsonMapper json = JsonMapper.builder().build();

    /**
     * A signer with {@code keys} by key id, signing with {@code signingKeyId} (which must
     * have its private key).
     */
    public TokenSigner(String signingKeyId, Map<String, Key> keys) {
        this.signingKeyId = signingKeyId;
        Key signing = (keys != null) ? keys.get(signingKeyId) : null;
        if (signing == null || signing.privateKey() == null) {
            throw new IllegalStateException("The private key of signing key " + signingKeyId + " must be set");
        }
        this.signingPrivate = key(signing.privateKey(), this.signingKeyId);
        this.signingPublic = new byte[Ed25519.PUBLIC_KEY_SIZE];
        Ed25519.generatePublicKey(this.signingPrivate, 0, this.signingPublic, 0);
        keys.forEach((id, key) -> {
            byte[] publicKey;
            if (key.privateKey() != null) {
                publicKey = new byte[Ed25519.PUBLIC_KEY_SIZE];
                Ed25519.generatePublicKey(key(key.privateKey(), id), 0, publicKey, 0);
            }
            else {
                publicKey = key(key.publicKey(), id);
            }
            this.verifying.put(id, Ed25519.validatePublicKeyPartialExport(publicKey, 0));
        });
    }

    private static byte[] key(String base64, String id) {
        byte[] bytes = (base64 != null) ? Base64.getDecoder().decode(base64) : new byte[0];
        if (bytes.length != 32) {
            throw new IllegalStateException("Red-packet key " + id + " must be 32 bytes, base64");
        }
        return bytes;
    }

    public String signingKeyId() {
        return this.signingKeyId;
    }

    /** The signed token for {@code token} (whose key id must be the signing key's). */
    public String sign(RedPacketToken token) {
        byte[] payload = token.payloadJson().getBytes(StandardCharsets.UTF_8);
        byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
        Ed25519.sign(this.signingPrivate, 0, this.signingPublic, 0, payload, 0, payload.length, signature, 0);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(signature);
    }

    /**
     * The token a signed string states, if the signature holds under the key it names.
     * @throws InvalidTokenException otherwise
     */
    public RedPacketToken verify(String signed) {
        int dot = (signed != null) ? signed.indexOf('.') : -1;
        if (dot <= 0 || dot != signed.lastIndexOf('.') || signed.length() > 2048) {
            throw new InvalidTokenException(InvalidTokenException.Reason.MALFORMED, "not a token");
        }
        byte[] payload;
        byte[] signature;
        RedPacketToken token;
        try {
            payload = DECODER.decode(signed.substring(0, dot));
            signature = DECODER.decode(signed.substring(dot + 1));
            token = RedPacketToken.fromPayload(this.json, payload);
        }
        catch (IllegalArgumentException | JacksonException ex) {
            throw new InvalidTokenException(InvalidTokenException.Reason.MALFORMED, "not a token");
        }
        Ed25519.PublicPoint key = this.verifying.get(token.keyId());
        if (key == null) {
            throw new InvalidTokenException(InvalidTokenException.Reason.UNKNOWN_KEY,
                    "unknown key id " + token.keyId());
        }
        if (signature.length != Ed25519.SIGNATURE_SIZE
                || !Ed25519.verify(signature, 0, key, payload, 0, payload.length)) {
            throw new InvalidTokenException(InvalidTokenException.Reason.BAD_SIGNATURE, "signature does not match");
        }
        return token;
    }

    /**
     * One Ed25519 key: a key with a {@code privateKey} (32-byte seed, base64) can sign; a
     * retired key keeps only its {@code publicKey} (32 bytes, base64) so the tokens it
     * signed still verify.
     */
    public record Key(String privateKey, String publicKey) {

    }

}
