package org.walletplatform.gateway.auth;

import org.walletplatform.gateway.system.GatewayProblems;
import org.walletplatform.model.ProblemTypes;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/**
 * Who may call what at the edge:
 * <ul>
 * <li>{@code /admin/**}: the admin role;</li>
 * <li>{@code /v1/wallet/{owner}/...} and {@code /v1/accounts/{owner}/...}: the owner (or
 * {@code me}, rewritten to the caller by {@link MeRewriteFilter}) or an admin; another
 * user's id is 403;</li>
 * <li>{@code POST /v1/withdrawals}: any app user (the order center checks the body's
 * account against the caller);</li>
 * <li>everything else (notifications, reward issuance, identity binding): no token here;
 * those routes are signed by business lines and verified by the service that owns them.
 * </li>
 * </ul>
 * Stateless: no session, no saved requests, no CSRF (bearer tokens only). Refusals are
 * problem+json.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityWebFilterChain securityFilterChain(ServerHttpSecurity http, AuthProperties auth) {
        ReactiveAuthorizationManager<AuthorizationContext> owner = (authentication, context) -> authentication
            .filter((a) -> a.isAuthenticated())
            .map((a) -> (AuthorizationResult) new AuthorizationDecision(
                    mayActFor(a, context.getVariables().get("owner"))))
            .defaultIfEmpty(new AuthorizationDecision(false));
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
            .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
            .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
            .logout(ServerHttpSecurity.LogoutSpec::disable)
            .headers(ServerHttpSecurity.HeaderSpec::disable)
            .requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
            .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
            .authorizeExchange((exchanges) -> exchanges.pathMatchers("/admin/**")
                .hasRole("ADMIN")
                .pathMatchers("/v1/wallet/{owner}", "/v1/wallet/{owner}/**", "/v1/accounts/{owner}",
                        "/v1/accounts/{owner}/**")
                .access(owner)
                .pathMatchers(HttpMethod.POST, "/v1/withdrawals")
                .authenticated()
                .anyExchange()
                .permitAll())
            .oauth2ResourceServer((resource) -> resource
                .jwt((jwt) -> jwt.jwtAuthenticationConverter(new RolesConverter(auth.rolesClaim())))
                .authenticationEntryPoint((exchange, ex) -> unauthenticated(exchange))
                .accessDeniedHandler((exchange, ex) -> forbidden(exchange)))
            .exceptionHandling(
                    (handling) -> handling.authenticationEntryPoint((exchange, ex) -> unauthenticated(exchange))
                        .accessDeniedHandler((exchange, ex) -> forbidden(exchange)))
            .build();
    }

    /**
     * Spring Security's firewall refuses suspicious paths (encoded slashes, NUL, "..")
     * before routing; it answers them as every other refusal.
     */
    @Bean
    ServerExchangeRejectedHandler firewallRefusals() {
        return (exchange, ex) -> GatewayProblems.write(exchange, HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST,
                "Bad request", "The request path is not allowed (encoded slash, NUL, '..' or the like).");
    }

    private static boolean mayActFor(Authentication caller, Object owner) {
        return "me".equals(owner) || caller.getName().equals(owner) || RolesConverter.isAdmin(caller);
    }

    private static Mono<Void> unauthenticated(org.springframework.web.server.ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer");
        return GatewayProblems.write(exchange, HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHENTICATED, "Unauthenticated",
                "Send a valid bearer token (Authorization: Bearer <JWT>).");
    }

    private static Mono<Void> forbidden(org.springframework.web.server.ServerWebExchange exchange) {
        return GatewayProblems.write(exchange, HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden",
                "The token does not allow this: another user's assets, or an admin action.");
    }

}
