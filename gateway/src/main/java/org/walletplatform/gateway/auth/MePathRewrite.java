package org.walletplatform.gateway.auth;

import java.net.URI;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Makes {@code me} in {@code /v1/wallet/me/...} and {@code /v1/accounts/me/...} the
 * caller's id in the URL the request is proxied to, so services only ever see ids. Runs
 * right after the route's URL is made, before the caller assertion is signed for it.
 */
@Component
class MePathRewrite implements GlobalFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        JwtAuthenticationToken caller = EdgeAuthentication.callerOf(exchange);
        URI url = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR);
        if (caller != null && url != null) {
            String path = EdgeAuthentication.withCallerForMe(url.getRawPath(), caller.getName());
            if (!path.equals(url.getRawPath())) {
                // the parts are already encoded: put together and parsed once
                String query = (url.getRawQuery() != null) ? "?" + url.getRawQuery() : "";
                exchange.getAttributes()
                    .put(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR,
                            URI.create(url.getScheme() + "://" + url.getRawAuthority() + path + query));
            }
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 1;
    }

}
