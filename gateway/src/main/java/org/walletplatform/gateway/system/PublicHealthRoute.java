package org.walletplatform.gateway.system;

import java.util.Map;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code GET /actuator/health} on the public port: the gateway's status and nothing else
 * (no components, no details), for load balancers and uptime checks. Every other actuator
 * endpoint stays on the unpublished management port.
 */
@Configuration(proxyBeanMethods = false)
class PublicHealthRoute {

    @Bean
    RouterFunction<ServerResponse> publicHealth(HealthEndpoint health) {
        return RouterFunctions.route()
            .GET("/actuator/health",
                    (request) -> Mono.fromCallable(health::health)
                        .subscribeOn(Schedulers.boundedElastic())
                        .flatMap((result) -> {
                            String status = result.getStatus().getCode();
                            return ServerResponse
                                .status("UP".equals(status) ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                                .bodyValue(Map.of("status", status));
                        }))
            .build();
    }

}
