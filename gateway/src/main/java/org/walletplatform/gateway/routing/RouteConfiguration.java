package org.walletplatform.gateway.routing;

import java.net.URI;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The routing table. App routes: reads to the read service, red-packet accounts and
 * withdrawals to the asset order service. Business-line routes: notifications to the
 * write service, reward issuance and identity binding to the order service. Ops routes:
 * {@code /admin/<service>/...} to that service's {@code /admin/...} ({@code read},
 * {@code write}, {@code sync}, {@code order}); {@code /admin/audit} is the gateway's own.
 * Anything else, actuator endpoints included, is a 404 problem from the gateway itself.
 */
@Configuration(proxyBeanMethods = false)
class RouteConfiguration {

    @Bean
    RouteLocator routes(RouteLocatorBuilder builder, ServiceUrlsProperties services) {
        RouteLocatorBuilder.Builder routes = builder.routes()
            .route("wallet-read", (r) -> r.path("/v1/wallet/**").uri(services.walletRead()))
            .route("notifications",
                    (r) -> r.path("/v1/notifications", "/v1/notifications:batch").uri(services.walletWrite()))
            .route("asset-order",
                    (r) -> r
                        .path("/v1/rewards", "/v1/rewards/**", "/v1/accounts/**", "/v1/withdrawals",
                                "/v1/identities:bind")
                        .uri(services.assetOrder()));
        admin(routes, "read", services.walletRead());
        admin(routes, "write", services.walletWrite());
        admin(routes, "sync", services.syncWorker());
        admin(routes, "order", services.assetOrder());
        return routes.build();
    }

    private static void admin(RouteLocatorBuilder.Builder routes, String service, URI uri) {
        routes.route("admin-" + service,
                (r) -> r.path("/admin/" + service + "/**")
                    .filters((f) -> f.rewritePath("/admin/" + service + "/(?<rest>.*)", "/admin/${rest}"))
                    .uri(uri));
    }

}
