package org.walletplatform.model.caller;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.walletplatform.model.TextShapes;

/**
 * How the gateway tells a service who a request acts for, so that no service trusts a
 * bare header from outside: {@link #HEADER} carries
 * {@code sub=<subject>;admin=<true|false>;ts=<epoch seconds>} and {@link #SIGNATURE}
 * {@code v1=hex(HMAC-SHA256(secret, METHOD \n path \n assertion))} with a secret only the
 * gateway and the services hold (two may be active while it rotates). The signature binds
 * the assertion to one method and path, and it expires after {@link #MAX_AGE}. The
 * gateway removes both headers from every request it receives before adding its own.
 */
public final class CallerAssertion {

    public static final String HEADER = "X-Wallet-Caller";

    public static final String SIGNATURE = "X-Wallet-Caller-Signature";

    /** Request attribute under which a service hands the verified {@link Caller} on. */
    public static final String ATTRIBUTE = "wallet.caller";

    public static final Duration MAX_AGE = Duration.ofSeconds(60);

    private static final String VERSION = "v1=";

    private static final Map<String, Mac> KEYED = new ConcurrentHashMap<>();

    private CallerAssertion() {
    }

    public static String assertion(Caller caller, Instant now) {
        return "sub=" + caller.subject() + ";admin=" + caller.admin() + ";ts=" + now.getEpochSecond();
    }

    public static String sign(String secret, String method, String path, String assertion) {
        try {
            Mac mac = (Mac) KEYED.computeIfAbsent(secret, CallerAssertion::keyed).clone();
            byte[] signed = mac.doFinal((method + "\n" + path + "\n" + assertion).getBytes(StandardCharsets.UTF_8));
            return VERSION + HexFormat.of().formatHex(signed);
        }
        catch (CloneNotSupportedException ex) {
            throw new IllegalStateException("the JDK's HmacSHA256 is cloneable", ex);
        }
    }

    /**
     * A Mac initialised with the secret, cloned for each use: every request is signed or
     * verified, and looking up and keying a Mac each time cost more than the HMAC itself.
     */
    private static Mac keyed(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac;
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
        }
    }

    /**
     * The caller, if the assertion is well formed, fresh and signed with one of the
     * secrets for this method and path; empty otherwise.
     */
    public static Optional<Caller> verify(List<String> secrets, String method, String path, String assertion,
            String signature, Instant now) {
        if (assertion == null || signature == null) {
            return Optional.empty();
        }
        Parts parts = Parts.of(assertion);
        if (parts == null || Math.abs(now.getEpochSecond() - parts.epochSecond()) > MAX_AGE.toSeconds()) {
            return Optional.empty();
        }
        boolean signed = false;
        for (String secret : secrets) {
            signed |= MessageDigest.isEqual(signature.getBytes(StandardCharsets.UTF_8),
                    sign(secret, method, path, assertion).getBytes(StandardCharsets.UTF_8));
        }
        return signed ? Optional.of(parts.caller()) : Optional.empty();
    }

    /**
     * An assertion's parts, when it is exactly
     * {@code sub=<1-64 of [A-Za-z0-9_.@-]>;admin=<true|false>;ts=<1-12 digits>}. Read by
     * a scan, not a regular expression: every request a service receives is checked.
     */
    record Parts(Caller caller, long epochSecond) {

        static Parts of(String assertion) {
            int semicolon = assertion.indexOf(';');
            if (!assertion.startsWith("sub=") || semicolon < 0) {
                return null;
            }
            String subject = assertion.substring(4, semicolon);
            String rest = assertion.substring(semicolon + 1);
            boolean admin = rest.startsWith("admin=true;ts=");
            if (!TextShapes.isToken(subject, 1, 64, "_.@-") || !(admin || rest.startsWith("admin=false;ts="))) {
                return null;
            }
            String seconds = rest.substring(admin ? 14 : 15);
            return TextShapes.isDigits(seconds, 12) ? new Parts(new Caller(subject, admin), Long.parseLong(seconds))
                    : null;
        }

    }

}
