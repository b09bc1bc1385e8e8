package org.walletplatform.sdk;

import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;

import org.walletplatform.model.signing.RequestSignature;

/**
 * What a {@link RedPacketClient} proves on each attempt: the app user's bearer token
 * (account calls) and the business line's signature (order reads), either or both.
 */
record Credentials(Supplier<String> bearerToken, String line, String lineSecret, Clock clock) {

    /**
     * Adds the credentials to a request. The signature gets a fresh nonce and time on
     * every attempt (a nonce is accepted once); the SDK's calls carry no body, so it
     * covers an empty one.
     */
    HttpRequest.Builder apply(HttpRequest.Builder request) {
        if (this.bearerToken != null) {
            request.setHeader("Authorization", "Bearer " + this.bearerToken.get());
        }
        if (this.line != null) {
            HttpRequest built = request.build();
            long timestamp = this.clock.instant().getEpochSecond();
            String nonce = UUID.randomUUID().toString();
            request.setHeader(RequestSignature.LINE, this.line)
                .setHeader(RequestSignature.TIMESTAMP, Long.toString(timestamp))
                .setHeader(RequestSignature.NONCE, nonce)
                .setHeader(RequestSignature.SIGNATURE, RequestSignature.sign(this.lineSecret, built.method(),
                        built.uri().getRawPath(), timestamp, nonce, new byte[0]));
        }
        return request;
    }

}
