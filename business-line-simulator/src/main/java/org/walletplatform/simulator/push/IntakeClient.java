package org.walletplatform.simulator.push;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.walletplatform.model.notification.AssetChangeNotification;
import org.walletplatform.model.notification.NotificationBatchRequest;
import org.walletplatform.simulator.SimulatorProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Pushes notifications to the wallet's batch intake, as a business line would.
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

    /** True if the intake accepted the batch. */
    boolean push(List<AssetChangeNotification> notifications) {
        HttpRequest request = HttpRequest.newBuilder(this.batchUri)
            .timeout(Duration.ofSeconds(15))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers
                .ofByteArray(this.json.writeValueAsBytes(new NotificationBatchRequest(notifications))))
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
