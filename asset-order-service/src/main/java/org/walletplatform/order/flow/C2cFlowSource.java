package org.walletplatform.order.flow;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.walletplatform.model.redpacket.C2cFlowContract.C2cPage;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The C2C red-packet service as a flow source, over its HTTP contract, with a timeout and
 * a circuit breaker ({@code c2c}): when it fails, pages go on without it.
 */
@Component
class C2cFlowSource implements FlowSource {

    private final HttpClient http;

    private final FlowProperties properties;

    private final JsonMapper json;

    private final CircuitBreaker breaker;

    C2cFlowSource(FlowProperties properties, JsonMapper json, CircuitBreakerRegistry breakers) {
        this.properties = properties;
        this.json = json;
        this.breaker = breakers.circuitBreaker("c2c");
        this.http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(properties.c2cTimeout())
            .build();
    }

    @Override
    public String name() {
        return "c2c";
    }

    @Override
    public List<FlowItem> items(long actId, FlowPosition.Bound bound, int limit) {
        return this.breaker.executeSupplier(() -> fetch(actId, bound, limit));
    }

    private List<FlowItem> fetch(long actId, FlowPosition.Bound bound, int limit) {
        String query = "?limit=" + limit + ((bound.beforeMs() == Long.MAX_VALUE) ? "" : "&beforeMs=" + bound.beforeMs()
                + "&beforeId=" + URLEncoder.encode(bound.idBelow(), StandardCharsets.UTF_8));
        URI uri = URI.create(this.properties.c2cUrl() + "/v1/accounts/" + actId + "/c2c-flow" + query);
        try {
            HttpResponse<String> response = this.http.send(
                    HttpRequest.newBuilder(uri).timeout(this.properties.c2cTimeout()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new SourceUnavailableException("C2C answered " + response.statusCode());
            }
            return this.json.readValue(response.body(), C2cPage.class)
                .items()
                .stream()
                .map((item) -> new FlowItem(name(), item.id(), item.atMs(),
                        "sent".equals(item.kind()) ? -item.amountMinor() : item.amountMinor(), "c2c-" + item.kind(),
                        null))
                .toList();
        }
        catch (IOException ex) {
            throw new SourceUnavailableException(ex.toString());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new SourceUnavailableException("interrupted");
        }
    }

    /** The source could not answer now. */
    static class SourceUnavailableException extends RuntimeException {

        SourceUnavailableException(String message) {
            super(message);
        }

    }

}
