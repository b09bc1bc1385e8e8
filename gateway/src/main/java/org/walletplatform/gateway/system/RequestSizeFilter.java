package org.walletplatform.gateway.system;

import java.util.Objects;

import org.walletplatform.model.ProblemTypes;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;

/**
 * Caps requests before anything reaches a service: a URI longer than the cap is 414; a
 * declared body length above the cap is 413 at once; a body sent without a length is
 * counted as it streams and cut off with 413 when it passes the cap. (Netty itself
 * answers a request line above {@code server.netty.max-initial-line-length} with a bare
 * 414; that limit is set well above this one.)
 */
@Component
class RequestSizeFilter implements EdgeFilter {

    private final LimitsProperties limits;

    RequestSizeFilter(LimitsProperties limits) {
        this.limits = limits;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getURI().getRawPath().length()
                + Objects.requireNonNullElse(exchange.getRequest().getURI().getRawQuery(), "").length() > this.limits
                    .maxUri()
                    .toBytes()) {
            return GatewayProblems.write(exchange, HttpStatus.URI_TOO_LONG, ProblemTypes.URI_TOO_LONG, "URI too long",
                    "Request URIs are capped at " + this.limits.maxUri().toBytes() + " bytes.");
        }
        long max = this.limits.maxBody().toBytes();
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > max) {
            return GatewayProblems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE,
                    "Payload too large", "Request bodies are capped at " + max + " bytes.");
        }
        if (declared >= 0 || !exchange.getRequest().getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            // a length, or (HTTP/1.1) no body at all: nothing to count as it streams
            return chain.filter(exchange);
        }
        ServerHttpRequestDecorator counted = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                long[] seen = { 0 };
                return super.getBody().doOnNext((buffer) -> {
                    seen[0] += buffer.readableByteCount();
                    if (seen[0] > max) {
                        throw new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE);
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

}
