package org.walletplatform.simulator.push;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.walletplatform.model.notification.AssetChangeNotification;
import org.walletplatform.model.notification.NotificationBatchRequest;
import org.walletplatform.model.signing.RequestSignature;
import org.walletplatform.simulator.SimulatorProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Pushes notifications to the wallet's batch intake, signed, as a business line would.
 */
@Component
class IntakeClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final JsonMapper json;

    private final URI batchUri;

    IntakeClient(JsonMapper json, SimulatorProperties properties) {
        this.json = json;
        this.batchUri = URI.create(properties.intakeUrl() + "/v1/notifications:batch");
    }

    /**
     * True if the intake accepted the batch, which holds notifications of {@code line}
     * only, signed as it.
     */
    boolean push(String line, String secret, List<AssetChangeNotification> notifications) {
        byte[] body = this.json.writeValueAsBytes(new NotificationBatchRequest(notifications));
        long timestamp = Instant.now().getEpochSecond();
        String nonce = UUID.randomUUID().toString();
        HttpRequest request = HttpRequest.newBuilder(this.batchUri)
            .timeout(Duration.ofSeconds(15))
            .header("Content-Type", "application/json")
            .header(RequestSignature.LINE, line)
            .header(RequestSignature.TIMESTAMP, Long.toString(timestamp))
            .header(RequestSignature.NONCE, nonce)
            .header(RequestSignature.SIGNATURE,
                    RequestSignature.sign(secret, "POST", this.batchUri.getPath(), timestamp, nonce, body))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
        try {
            return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 202;
        }
        catch (IOException ex) {
            return false;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

}
