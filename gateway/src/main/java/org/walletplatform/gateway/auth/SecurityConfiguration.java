package org.walletplatform.gateway.auth;

import org.walletplatform.gateway.system.GatewayProblems;
import org.walletplatform.model.ProblemTypes;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;

/**
 * Spring Security's part at the edge: its firewall, which refuses suspicious paths
 * (encoded slashes, NUL, "..") before anything else runs. Who may call what is
 * {@link EdgeAuthentication}; the one security chain here matches no request, so the
 * security filter runs only the firewall (and Boot adds no default chain).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityWebFilterChain firewallOnly(ServerHttpSecurity http) {
        return http.securityMatcher((exchange) -> MatchResult.notMatch()).build();
    }

    @Bean
    ServerExchangeRejectedHandler firewallRefusals() {
        return (exchange, ex) -> GatewayProblems.write(exchange, HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST,
                "Bad request", "The request path is not allowed (encoded slash, NUL, '..' or the like).");
    }

}
