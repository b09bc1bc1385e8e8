package org.walletplatform.gateway.system;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.http.Outcome;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;

/**
 * The gateway's one per-request meter, {@code gateway.requests}: from the request's
 * arrival until its answer's status and headers are sent, tagged with the route it took
 * ({@code none} for the gateway's own answers: 401, 403, 404, 429 ...), the method, the
 * status and the outcome. Spring's {@code http.server.requests} observation and Spring
 * Cloud Gateway's route timer are off: each wrapped the whole call in reactive layers
 * that every context lookup of the proxied call walks through (turning off the route
 * timer alone saved about a seventh of the gateway's CPU per request; BENCHMARKS.md,
 * "Gateway overhead"). This filter adds no layer and builds each timer once.
 */
@Component
class RequestTimer implements EdgeFilter {

    private final MeterRegistry meters;

    private final Map<Key, Timer> timers = new ConcurrentHashMap<>();

    RequestTimer(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long start = System.nanoTime();
        exchange.getResponse().beforeCommit(() -> {
            timerOf(exchange).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    private Timer timerOf(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        Key key = new Key((route != null) ? route.getId() : "none", exchange.getRequest().getMethod().name(),
                (status != null) ? status.value() : 200);
        return this.timers.computeIfAbsent(key,
                (k) -> Timer.builder("gateway.requests")
                    .description("Requests at the edge, until the answer's headers are sent")
                    .tag("route", k.route())
                    .tag("method", k.method())
                    .tag("status", Integer.toString(k.status()))
                    .tag("outcome", Outcome.forStatus(k.status()).name())
                    .register(this.meters));
    }

    @Override
    public int getOrder() {
        // first of all, so the time includes every other filter
        return Ordered.HIGHEST_PRECEDENCE;
    }

    private record Key(String route, String method, int status) {
    }

}
