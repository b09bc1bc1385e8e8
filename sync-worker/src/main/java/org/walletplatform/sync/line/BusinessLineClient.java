package org.walletplatform.sync.line;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.walletplatform.model.line.AssetSnapshot;
import org.walletplatform.model.line.SnapshotBatchRequest;
import org.walletplatform.model.line.SnapshotBatchResponse;
import org.walletplatform.model.line.SnapshotPaths;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * One HTTP call to a business line's snapshot API (docs/business-line-contract.md), nothing more: resilience is
 * the {@link SnapshotPuller}'s job. Responses are read strictly, since a snapshot of a wrong shape must be
 * dead-lettered rather than stored with defaults.
 */
@Component
class BusinessLineClient {

    private final HttpClient http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(2))
        .build();

    private final JsonMapper strictJson = JsonMapper.builder()
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
        .build();

    AssetSnapshot snapshot(BusinessLinesProperties.Line line, long userId) {
        URI uri = URI.create(line.snapshotUrl() + SnapshotPaths.ONE.replace("{userId}", Long.toString(userId)));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(line.timeout()).GET().build();
        return read(send(request), AssetSnapshot.class);
    }

    List<AssetSnapshot> snapshots(BusinessLinesProperties.Line line, List<Long> userIds) {
        URI uri = URI.create(line.snapshotUrl() + SnapshotPaths.BATCH);
        byte[] body = this.strictJson.writeValueAsBytes(new SnapshotBatchRequest(userIds));
        HttpRequest request = HttpRequest.newBuilder(uri)
            .timeout(line.timeout())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
        SnapshotBatchResponse response = read(send(request), SnapshotBatchResponse.class);
        if (response.snapshots() == null) {
            throw new PullException("bad-snapshot", "Batch response without snapshots from " + uri);
        }
        return response.snapshots();
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        HttpResponse<byte[]> response;
        try {
            response = this.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        }
        catch (IOException ex) {
            throw new PullException.Retryable("unreachable", request.uri() + ": " + ex, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new PullException.Retryable("interrupted", request.uri() + " interrupted", ex);
        }
        int status = response.statusCode();
        if (status == 429 || status >= 500) {
            throw new PullException.Retryable("line-unavailable", request.uri() + " answered " + status);
        }
        if (status != 200) {
            throw new PullException("line-refused", request.uri() + " answered " + status);
        }
        return response;
    }

    private <T> T read(HttpResponse<byte[]> response, Class<T> type) {
        try {
            return this.strictJson.readValue(response.body(), type);
        }
        catch (JacksonException ex) {
            throw new PullException("bad-snapshot", response.uri() + " sent a body that is not a " + type.getSimpleName());
        }
    }

}
