package org.walletplatform.redpacket.token;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bouncycastle.math.ec.rfc8032.Ed25519;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signs and verifies red-packet tokens with Ed25519 (BouncyCastle's RFC 8032 code: about
 * 23 times the JDK's speed here, STACK.md). A token signed alone is
 * {@code base64url(payload) "." base64url(signature)}. Tokens signed together share one
 * signature of the root of a Merkle tree over their payloads ({@link MerkleTree}), and
 * each is {@code base64url(payload) "." base64url(path) "." base64url(signature)}: the
 * signature, about 40 µs, is paid once per batch instead of once per token. The payload
 * names its key id, so keys rotate without invalidating tokens already out.
 */
public class TokenSigner {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** What a batch's signature covers before its root: never the start of a payload. */
    private static final byte[] BATCH_DOMAIN = "wallet-redpacket-batch-v1:".getBytes(StandardCharsets.US_ASCII);

    /** A tree this deep holds 65,536 tokens. */
    private static final int MAX_BATCH_LEVELS = 16;

    /** The most tokens {@link #signAll} signs together. */
    public static final int MAX_BATCH = 1 << MAX_BATCH_LEVELS;

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
        byte[] payload = payload(token);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(signature(payload));
    }

    /**
     * The signed tokens for {@code tokens}, in their order, under one signature (a single
     * token is signed alone, as {@link #sign} does).
     */
    public List<String> signAll(List<RedPacketToken> tokens) {
        if (tokens.size() <= 1) {
            return tokens.stream().map(this::sign).toList();
        }
        if (tokens.size() > MAX_BATCH) {
            throw new IllegalArgumentException("At most " + MAX_BATCH + " tokens are signed together");
        }
        List<byte[]> payloads = tokens.stream().map(TokenSigner::payload).toList();
        MerkleTree tree = new MerkleTree(payloads);
        String signature = ENCODER.encodeToString(signature(batchMessage(tree.root())));
        List<String> signed = new ArrayList<>(tokens.size());
        for (int i = 0; i < payloads.size(); i++) {
            signed.add(ENCODER.encodeToString(payloads.get(i)) + "." + ENCODER.encodeToString(tree.path(i)) + "."
                    + signature);
        }
        return signed;
    }

    private static byte[] payload(RedPacketToken token) {
        return token.payloadJson().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] signature(byte[] message) {
        byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
        Ed25519.sign(this.signingPrivate, 0, this.signingPublic, 0, message, 0, message.length, signature, 0);
        return signature;
    }

    private static byte[] batchMessage(byte[] root) {
        byte[] message = Arrays.copyOf(BATCH_DOMAIN, BATCH_DOMAIN.length + root.length);
        System.arraycopy(root, 0, message, BATCH_DOMAIN.length, root.length);
        return message;
    }

    /**
     * The token a signed string states, if the signature holds under the key it names.
     * @throws InvalidTokenException otherwise
     */
    public RedPacketToken verify(String signed) {
        int dot = (signed != null) ? signed.indexOf('.') : -1;
        int lastDot = (dot > 0) ? signed.lastIndexOf('.') : -1;
        int secondDot = (lastDot > dot) ? signed.indexOf('.', dot + 1) : dot;
        if (dot <= 0 || secondDot != lastDot || signed.length() > 2048) {
            throw new InvalidTokenException(InvalidTokenException.Reason.MALFORMED, "not a token");
        }
        byte[] payload;
        byte[] path;
        byte[] signature;
        RedPacketToken token;
        try {
            payload = DECODER.decode(signed.substring(0, dot));
            path = (lastDot > dot) ? DECODER.decode(signed.substring(dot + 1, lastDot)) : null;
            signature = DECODER.decode(signed.substring(lastDot + 1));
            token = RedPacketToken.fromPayload(this.json, payload);
        }
        catch (IllegalArgumentException | JacksonException ex) {
            throw new InvalidTokenException(InvalidTokenException.Reason.MALFORMED, "not a token");
        }
        byte[] signedMessage = payload;
        if (path != null) {
            boolean fits = path.length > 0 && path.length <= MAX_BATCH_LEVELS * MerkleTree.STEP_SIZE;
            byte[] root = fits ? MerkleTree.rootOf(payload, path) : null;
            if (root == null) {
                throw new InvalidTokenException(InvalidTokenException.Reason.MALFORMED, "not a token");
            }
            signedMessage = batchMessage(root);
        }
        Ed25519.PublicPoint key = this.verifying.get(token.keyId());
        if (key == null) {
            throw new InvalidTokenException(InvalidTokenException.Reason.UNKNOWN_KEY,
                    "unknown key id " + token.keyId());
        }
        if (signature.length != Ed25519.SIGNATURE_SIZE
                || !Ed25519.verify(signature, 0, key, signedMessage, 0, signedMessage.length)) {
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
