package org.walletplatform.order.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

import org.walletplatform.model.reward.GrantContract.GrantRequest;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Talks {@code GrantContract} to the downstream of an award type. A 2xx is a grant, a 4xx
 * a refusal that no retry will change, anything else (5xx, timeout, no connection) an
 * unknown outcome that may be retried, since the order number makes the grant idempotent.
 */
@Component
public class GrantClient {

    private final HttpClient http;

    private final DownstreamsProperties properties;

    private final JsonMapper json;

    GrantClient(DownstreamsProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
        // HTTP/1.1 with kept-alive connections: the default (HTTP/2) would try an h2c
        // upgrade first
        this.http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(properties.timeout())
            .build();
    }

    public void grant(String awardType, String orderNo, GrantRequest request) {
        HttpResponse<Void> response = send(HttpRequest.newBuilder(uri(awardType, orderNo))
            .timeout(this.properties.timeout())
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofByteArray(this.json.writeValueAsBytes(request)))
            .build());
        if (response.statusCode() >= 400 && response.statusCode() < 500) {
            throw new DeliveryRefusedException(
                    awardType + " downstream refused " + orderNo + ": " + response.statusCode());
        }
        if (response.statusCode() >= 300) {
            throw new DeliveryUnknownException(awardType + " downstream answered " + response.statusCode());
        }
    }

    /** Whether the downstream applied the grant; empty if it cannot say now. */
    public Optional<Boolean> applied(String awardType, String orderNo) {
        try {
            int status = send(
                    HttpRequest.newBuilder(uri(awardType, orderNo)).timeout(this.properties.timeout()).GET().build())
                .statusCode();
            return (status == 200) ? Optional.of(true) : (status == 404) ? Optional.of(false) : Optional.empty();
        }
        catch (DeliveryUnknownException ex) {
            return Optional.empty();
        }
    }

    private URI uri(String awardType, String orderNo) {
        URI base = this.properties.downstreams().get(awardType);
        if (base == null) {
            throw new DeliveryRefusedException("no downstream configured for " + awardType);
        }
        return URI.create(base + "/v1/grants/" + orderNo);
    }

    private HttpResponse<Void> send(HttpRequest request) {
        try {
            return this.http.send(request, HttpResponse.BodyHandlers.discarding());
        }
        catch (IOException ex) {
            throw new DeliveryUnknownException(ex.toString());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new DeliveryUnknownException("interrupted");
        }
    }

    /** The downstream may or may not have applied the grant. */
    public static class DeliveryUnknownException extends RuntimeException {

        DeliveryUnknownException(String message) {
            super(message);
        }

    }

    /** The downstream refused the grant for good. */
    public static class DeliveryRefusedException extends RuntimeException {

        DeliveryRefusedException(String message) {
            super(message);
        }

    }

}
