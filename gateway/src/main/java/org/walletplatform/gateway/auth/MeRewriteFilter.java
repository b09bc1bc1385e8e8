package org.walletplatform.gateway.auth;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Rewrites {@code /v1/wallet/me/...} and {@code /v1/accounts/me/...} to the caller's own
 * id, taken from the verified token, before routing; the services only ever see ids. Runs
 * after the security chain, which has already refused {@code me} without a token.
 */
@Component
class MeRewriteFilter implements WebFilter, Ordered {

    private static final Pattern ME = Pattern.compile("^(/v1/(?:wallet|accounts))/me(/.*)?$");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Matcher me = ME.matcher(exchange.getRequest().getPath().value());
        if (!me.matches()) {
            return chain.filter(exchange);
        }
        // map, then filter once: a Mono<Void> chain completes empty, so switchIfEmpty
        // after it
        // would run the chain twice
        return exchange.getPrincipal().map((principal) -> {
            String path = me.group(1) + "/" + principal.getName() + ((me.group(2) != null) ? me.group(2) : "");
            return exchange.mutate().request((request) -> request.path(path)).build();
        }).defaultIfEmpty(exchange).flatMap(chain::filter);
    }

    @Override
    public int getOrder() {
        return 0;
    }

}
