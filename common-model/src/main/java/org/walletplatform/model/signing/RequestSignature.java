package org.walletplatform.model.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.walletplatform.model.TextShapes;

/**
 * How a business line signs a request to the platform: HMAC-SHA256 with the line's secret
 * over {@code METHOD \n path \n timestamp \n nonce \n hex(sha256(body))}, sent as
 * {@code v1=<hex>} in {@link #SIGNATURE} beside {@link #LINE}, {@link #TIMESTAMP} (epoch
 * seconds) and {@link #NONCE}. A request older than {@link #MAX_AGE}, or repeating a
 * nonce, is refused. Used by the intake to verify and by lines (the simulator, the tests)
 * to sign; docs/business-line-contract.md describes it for other languages.
 */
public final class RequestSignature {

    public static final String LINE = "X-Wallet-Line";

    public static final String TIMESTAMP = "X-Wallet-Timestamp";

    public static final String NONCE = "X-Wallet-Nonce";

    public static final String SIGNATURE = "X-Wallet-Signature";

    public static final Duration MAX_AGE = Duration.ofMinutes(5);

    /**
     * Request attribute under which a service hands the verified caller's line to its
     * controllers.
     */
    public static final String CALLER_LINE_ATTRIBUTE = "wallet.callerLine";

    private static final String VERSION = "v1=";

    private static final String HMAC = "HmacSHA256";

    private RequestSignature() {
    }

    public static String sign(String secret, String method, String path, long timestamp, String nonce, byte[] body) {
        return key(secret).sign(method, path, timestamp, nonce, body);
    }

    /** A line's secret, ready to sign many requests. */
    public static Key key(String secret) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC));
            return new Key(mac);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
        }
    }

    /**
     * A secret with its HMAC key schedule done once: each signature starts from a copy of
     * it. Looking up and keying a new {@link Mac} for every request was about half of
     * what verifying a signed call cost.
     */
    public static final class Key {

        private final Mac keyed;

        private Key(Mac keyed) {
            this.keyed = keyed;
        }

        public String sign(String method, String path, long timestamp, String nonce, byte[] body) {
            try {
                Mac mac = (Mac) this.keyed.clone();
                String canonical = method + "\n" + path + "\n" + timestamp + "\n" + nonce + "\n"
                        + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
                return VERSION + HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
            }
            catch (GeneralSecurityException | CloneNotSupportedException ex) {
                throw new IllegalStateException("the JDK's HmacSHA256 and SHA-256 can be copied and are present", ex);
            }
        }

    }

    /**
     * Compares in constant time, so the comparison leaks nothing about the expected
     * signature.
     */
    public static boolean matches(String presented, String expected) {
        return presented != null && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }

    public static boolean isWellFormedNonce(String nonce) {
        return TextShapes.isToken(nonce, 16, 64, "_-");
    }

}
