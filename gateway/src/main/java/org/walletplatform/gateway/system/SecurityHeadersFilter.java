package org.walletplatform.gateway.system;

import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;

/**
 * Adds the standard security headers to every answer the gateway gives, proxied or its
 * own errors, just before the response is committed so a service's headers cannot drop
 * them. The API serves JSON only, so the content policy allows nothing to load and
 * nothing is cached.
 */
@Component
class SecurityHeadersFilter implements EdgeFilter {

    static final Map<String, String> HEADERS = Map.of("X-Content-Type-Options", "nosniff", "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer", "Strict-Transport-Security", "max-age=31536000; includeSubDomains",
            "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'", HttpHeaders.CACHE_CONTROL,
            "no-store");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> {
            HEADERS.forEach(exchange.getResponse().getHeaders()::set);
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

}
