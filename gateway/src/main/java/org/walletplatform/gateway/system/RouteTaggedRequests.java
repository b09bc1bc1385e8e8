package org.walletplatform.gateway.system;

import io.micrometer.common.KeyValue;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.server.reactive.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;

/**
 * The gateway's one per-request meter, {@code http.server.requests}, with the route a
 * proxied request took as its {@code uri} tag (Spring tags every proxied request
 * {@code UNKNOWN}); the gateway's own answers keep Spring's tags (a 401 or 404 problem:
 * {@code UNKNOWN} or {@code NOT_FOUND}). Spring Cloud Gateway's own per-route timer is
 * off: it timed the same requests again and its reactive layers cost about a seventh of
 * the gateway's CPU per proxied request (BENCHMARKS.md, "Gateway overhead").
 */
@Component
class RouteTaggedRequests extends DefaultServerRequestObservationConvention {

    @Override
    protected KeyValue uri(ServerRequestObservationContext context) {
        Object route = context.getAttributes().get(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        return (route instanceof Route r) ? KeyValue.of("uri", "route:" + r.getId()) : super.uri(context);
    }

}
