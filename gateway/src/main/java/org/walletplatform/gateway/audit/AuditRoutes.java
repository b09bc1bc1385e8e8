package org.walletplatform.gateway.audit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code GET /admin/audit?count=N}: the newest audit entries (at most 500), served by the
 * gateway itself.
 */
@Configuration(proxyBeanMethods = false)
class AuditRoutes {

    @Bean
    RouterFunction<ServerResponse> auditListing(AdminAudit audit) {
        return RouterFunctions.route().GET("/admin/audit", (request) -> {
            int count = request.queryParam("count")
                .filter((c) -> c.matches("\\d{1,3}"))
                .map(Integer::parseInt)
                .orElse(50);
            return ServerResponse.ok().body(audit.newest(Math.min(Math.max(count, 1), 500)), java.util.List.class);
        }).build();
    }

}
