package org.walletplatform.write.notification;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.walletplatform.model.signing.RequestSignature;

/**
 * Builds intake requests signed the way a business line signs them, with knobs to get
 * each part wrong.
 */
public final class SignedRequests {

    private SignedRequests() {
    }

    public static HttpRequest signed(URI uri, String line, String secret, String body) {
        return builder(uri, line, secret, body, Instant.now().getEpochSecond(), nonce(), body).build();
    }

    /**
     * @param signedBody the body the signature covers; {@code sentBody} is what is sent
     */
    public static HttpRequest.Builder builder(URI uri, String line, String secret, String signedBody, long timestamp,
            String nonce, String sentBody) {
        return HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/json")
            .header(RequestSignature.LINE, line)
            .header(RequestSignature.TIMESTAMP, Long.toString(timestamp))
            .header(RequestSignature.NONCE, nonce)
            .header(RequestSignature.SIGNATURE,
                    RequestSignature.sign(secret, "POST", uri.getPath(), timestamp, nonce,
                            signedBody.getBytes(StandardCharsets.UTF_8)))
            .POST(HttpRequest.BodyPublishers.ofString(sentBody));
    }

    public static String nonce() {
        return UUID.randomUUID().toString();
    }

}
