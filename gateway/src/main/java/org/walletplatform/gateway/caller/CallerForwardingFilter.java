package org.walletplatform.gateway.caller;

import java.net.URI;
import java.time.Clock;
import java.util.Map;

import org.walletplatform.gateway.auth.RolesConverter;
import org.walletplatform.model.caller.Caller;
import org.walletplatform.model.caller.CallerAssertion;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells the service who the request acts for: strips any caller headers the client sent
 * (a service must never trust those), and for a request with a verified token adds a
 * {@link CallerAssertion} signed for the exact method and path the service will see
 * (after any rewrite). Runs last before the proxying filter, when the path is final.
 */
@Component
class CallerForwardingFilter implements GlobalFilter, Ordered {

    private final CallerProperties properties;

    private final Clock clock = Clock.systemUTC();

    CallerForwardingFilter(CallerProperties properties) {
        this.properties = properties;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return exchange.getPrincipal()
            .filter(Authentication.class::isInstance)
            .map((principal) -> headers(exchange, (Authentication) principal))
            .defaultIfEmpty(Map.of())
            .flatMap((added) -> chain.filter(exchange.mutate().request((request) -> request.headers((headers) -> {
                headers.remove(CallerAssertion.HEADER);
                headers.remove(CallerAssertion.SIGNATURE);
                added.forEach(headers::set);
            })).build()));
    }

    private Map<String, String> headers(ServerWebExchange exchange, Authentication authentication) {
        boolean admin = RolesConverter.isAdmin(authentication);
        URI target = exchange.getAttributeOrDefault(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR,
                exchange.getRequest().getURI());
        String assertion = CallerAssertion.assertion(new Caller(authentication.getName(), admin), this.clock.instant());
        String signature = CallerAssertion.sign(this.properties.secrets().get(0),
                exchange.getRequest().getMethod().name(), target.getRawPath(), assertion);
        return Map.of(CallerAssertion.HEADER, assertion, CallerAssertion.SIGNATURE, signature);
    }

    @Override
    public int getOrder() {
        // before NettyRoutingFilter (LOWEST_PRECEDENCE), after the route-to-URL filter
        return Ordered.LOWEST_PRECEDENCE - 10;
    }

}
