package org.walletplatform.read.realtime;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.walletplatform.model.line.RealtimeContract;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Calls a real-time line's query API, each line behind its own circuit breaker
 * ({@code line-<id>@<url>}, default config) and bulkhead (its {@code max-concurrent}),
 * with the line's timeout. Any failure surfaces as {@link LineCallFailedException}, for
 * the caller to fall back.
 */
@Component
class RealtimeLineClient {

    private final HttpClient http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(1))
        .build();

    private final JsonMapper json;

    private final CircuitBreakerRegistry breakers;

    private final BulkheadRegistry bulkheads;

    RealtimeLineClient(JsonMapper json, CircuitBreakerRegistry breakers, BulkheadRegistry bulkheads) {
        this.json = json;
        this.breakers = breakers;
        this.bulkheads = bulkheads;
    }

    RealtimeContract.Balance balance(String line, RealtimeLinesProperties.Line config, long userId) {
        return get(line, config, RealtimeContract.BALANCE.replace("{userId}", Long.toString(userId)),
                RealtimeContract.Balance.class);
    }

    RealtimeContract.DetailPage details(String line, RealtimeLinesProperties.Line config, long userId, String cursor,
            int limit) {
        String path = RealtimeContract.DETAILS.replace("{userId}", Long.toString(userId)) + "?limit=" + limit
                + ((cursor != null) ? "&cursor=" + cursor : "");
        return get(line, config, path, RealtimeContract.DetailPage.class);
    }

    RealtimeContract.MonthSummary summary(String line, RealtimeLinesProperties.Line config, long userId, String month) {
        return get(line, config,
                RealtimeContract.SUMMARY.replace("{userId}", Long.toString(userId)).replace("{month}", month),
                RealtimeContract.MonthSummary.class);
    }

    private <T> T get(String line, RealtimeLinesProperties.Line config, String path, Class<T> type) {
        // per line and setting: a released change of the line's URL or cap starts afresh,
        // and a gray release's broken endpoint does not open the breaker of the stable
        // one
        Bulkhead bulkhead = this.bulkheads.bulkhead("line-" + line + "@" + config.maxConcurrent(),
                () -> BulkheadConfig.custom()
                    .maxConcurrentCalls(config.maxConcurrent())
                    .maxWaitDuration(Duration.ZERO)
                    .build());
        Callable<T> call = () -> {
            HttpResponse<byte[]> response = this.http.send(
                    HttpRequest.newBuilder(URI.create(config.queryUrl() + path)).timeout(config.timeout()).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IOException(line + " answered " + response.statusCode());
            }
            return this.json.readValue(response.body(), type);
        };
        try {
            return this.breakers.circuitBreaker("line-" + line + "@" + config.queryUrl())
                .executeCallable(Bulkhead.decorateCallable(bulkhead, call));
        }
        catch (Exception ex) {
            throw new LineCallFailedException(line, ex);
        }
    }

    /**
     * A call to a real-time line failed: error answer, timeout, breaker open or bulkhead
     * full.
     */
    static class LineCallFailedException extends RuntimeException {

        LineCallFailedException(String line, Throwable cause) {
            super("Real-time line " + line + " failed: " + cause, cause);
        }

    }

}
