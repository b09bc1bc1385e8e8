package org.walletplatform.gateway.routing;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The routing table: reads to the read service, notifications to the write service,
 * rewards and accounts to the asset order service. Anything else is a 404 problem from
 * the gateway itself.
 */
@Configuration(proxyBeanMethods = false)
class RouteConfiguration {

    @Bean
    RouteLocator routes(RouteLocatorBuilder builder, ServiceUrlsProperties services) {
        return builder.routes()
            .route("wallet-read", (r) -> r.path("/v1/wallet/**").uri(services.walletRead()))
            .route("notifications",
                    (r) -> r.path("/v1/notifications", "/v1/notifications:batch").uri(services.walletWrite()))
            .route("asset-order", (r) -> r.path("/v1/rewards/**", "/v1/accounts/**").uri(services.assetOrder()))
            .build();
    }

}
