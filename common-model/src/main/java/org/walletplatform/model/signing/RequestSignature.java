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

    private RequestSignature() {
    }

    public static String sign(String secret, String method, String path, long timestamp, String nonce, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String canonical = method + "\n" + path + "\n" + timestamp + "\n" + nonce + "\n"
                    + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
            return VERSION + HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
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
