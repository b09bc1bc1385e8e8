package org.walletplatform.baseline.gateway;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;

/**
 * A Spring Cloud Gateway with one route to the read service and no filters: what the
 * platform's gateway costs beyond bare routing.
 */
@SpringBootApplication
public class BareGatewayApplication {

    @Bean
    RouteLocator routes(RouteLocatorBuilder builder, @Value("${bare.read-url}") String readUrl) {
        return builder.routes().route("wallet-read", (r) -> r.path("/v1/wallet/**").uri(readUrl)).build();
    }

    public static void main(String[] args) {
        SpringApplication.run(BareGatewayApplication.class, args);
    }

}
