package org.walletplatform.gateway.auth;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.walletplatform.gateway.system.EdgeFilter;
import org.walletplatform.gateway.system.GatewayProblems;
import org.walletplatform.model.ProblemTypes;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Who may call what at the edge, first matching rule:
 * <ul>
 * <li>{@code /admin/**}: the admin role;</li>
 * <li>{@code /v1/wallet/{owner}/...} and {@code /v1/accounts/{owner}/...}: the owner, or
 * {@code me} (rewritten here to the caller's id, so services only ever see ids), or an
 * admin; another user's id is 403;</li>
 * <li>{@code POST /v1/withdrawals}: any app user (the order center checks the body's
 * account against the caller);</li>
 * <li>everything else (notifications, reward issuance, identity binding): no token
 * needed; those routes are signed by business lines and verified by the service that owns
 * them.</li>
 * </ul>
 * A bearer token, when sent, must be valid on every route. It is verified by Spring
 * Security's JWT decoder ({@link TokenDecoderConfiguration}) and the filters after this
 * one find the caller with {@link #callerOf}. One filter instead of Spring Security's
 * resource-server chain, whose dozen reactive filters cost about a quarter of the
 * gateway's CPU per request (BENCHMARKS.md, "Gateway overhead"). Stateless: no session,
 * no CSRF (bearer tokens only). Refusals are problem+json.
 */
@Component
public class EdgeAuthentication implements EdgeFilter {

    /**
     * After the request firewall, before the rate limits, which count per caller.
     */
    static final int ORDER = -90;

    private static final PathPattern ADMIN = PathPatternParser.defaultInstance.parse("/admin/**");

    private static final List<PathPattern> OWNED = Stream
        .of("/v1/wallet/{owner}", "/v1/wallet/{owner}/**", "/v1/accounts/{owner}", "/v1/accounts/{owner}/**")
        .map(PathPatternParser.defaultInstance::parse)
        .toList();

    private static final PathPattern WITHDRAWALS = PathPatternParser.defaultInstance.parse("/v1/withdrawals");

    private static final String CALLER = EdgeAuthentication.class.getName() + ".caller";

    /** The characters of RFC 6750's {@code b64token}, by code. */
    private static final boolean[] B64TOKEN = new boolean[128];

    static {
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+/".chars()
            .forEach((c) -> B64TOKEN[c] = true);
    }

    private final VerifiedTokenCache decoder;

    EdgeAuthentication(VerifiedTokenCache decoder) {
        this.decoder = decoder;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Rule rule = ruleOf(exchange);
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer", 0, 6)) {
            return rule.needsCaller() ? unauthenticated(exchange) : chain.filter(exchange);
        }
        // a token verified before needs neither the shape check nor a reactive decode
        JwtAuthenticationToken known = (authorization.length() > 7 && authorization.charAt(6) == ' ')
                ? this.decoder.verifiedCaller(authorization.substring(7)) : null;
        if (known != null) {
            return rule.allows(known) ? chain.filter(as(exchange, known)) : forbidden(exchange);
        }
        String token = bearerToken(authorization);
        if (token == null) {
            return unauthenticated(exchange);
        }
        // the refusals are chosen before anything downstream runs, so an error of the
        // route itself never turns into a 401 or 503 here
        return this.decoder.caller(token)
            .map((caller) -> rule.allows(caller) ? chain.filter(as(exchange, caller)) : forbidden(exchange))
            .onErrorResume(BadJwtException.class, (ex) -> Mono.just(unauthenticated(exchange)))
            .onErrorResume(JwtException.class, (ex) -> Mono.just(keysUnavailable(exchange)))
            .flatMap(Function.identity());
    }

    /**
     * The token of {@code Bearer <token>}, or null unless it is RFC 6750's
     * {@code b64token} ({@code [A-Za-z0-9-._~+/]+=*}), as Spring Security's bearer
     * converter accepts it. A scan, not a regular expression: a token is some 800
     * characters and this runs on every request.
     */
    static String bearerToken(String authorization) {
        if (authorization.length() < 8 || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        int end = authorization.length();
        while (end > 7 && authorization.charAt(end - 1) == '=') {
            end--;
        }
        if (end == 7) {
            return null;
        }
        for (int i = 7; i < end; i++) {
            char c = authorization.charAt(i);
            if (c >= B64TOKEN.length || !B64TOKEN[c]) {
                return null;
            }
        }
        return authorization.substring(7);
    }

    private static Rule ruleOf(ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        String raw = request.getPath().value();
        // with nothing percent-encoded the plain text decides; else the path patterns,
        // which match the decoded segments (an encoded "/%61dmin" is still /admin)
        return (raw.indexOf('%') < 0) ? plainRuleOf(raw, request.getMethod())
                : patternRuleOf(request.getPath().pathWithinApplication(), request.getMethod());
    }

    static Rule patternRuleOf(PathContainer path, HttpMethod method) {
        if (ADMIN.matches(path)) {
            return Rule.ADMIN;
        }
        for (PathPattern owned : OWNED) {
            PathPattern.PathMatchInfo match = owned.matchAndExtract(path);
            if (match != null) {
                return new Rule(true, false, match.getUriVariables().get("owner"));
            }
        }
        return (HttpMethod.POST.equals(method) && WITHDRAWALS.matches(path)) ? Rule.ANY_CALLER : Rule.ANYONE;
    }

    /**
     * The verified caller of a request that passed this filter, or null. An exchange
     * attribute, not the exchange's principal: setting that would wrap the exchange in
     * one more decorator on every request, and nothing here needs it reactive.
     */
    public static JwtAuthenticationToken callerOf(ServerWebExchange exchange) {
        return exchange.getAttribute(CALLER);
    }

    /**
     * What {@link #patternRuleOf} says of a path with nothing percent-encoded, by string
     * prefixes instead of path patterns: this runs on every request.
     */
    static Rule plainRuleOf(String path, HttpMethod method) {
        if (path.startsWith("/admin/") || path.equals("/admin")) {
            return Rule.ADMIN;
        }
        int start = path.startsWith("/v1/wallet/") ? 11 : path.startsWith("/v1/accounts/") ? 13 : -1;
        if (start > 0) {
            int end = path.indexOf('/', start);
            String owner = path.substring(start, (end < 0) ? path.length() : end);
            if (!owner.isEmpty()) {
                return new Rule(true, false, owner);
            }
        }
        return (HttpMethod.POST.equals(method) && path.equals("/v1/withdrawals")) ? Rule.ANY_CALLER : Rule.ANYONE;
    }

    /**
     * The exchange as the caller's. A {@code me} in the path is made the caller's id in
     * the proxied call's URL ({@link MePathRewrite}), not in the request: changing the
     * request would copy all its headers once more.
     */
    private static ServerWebExchange as(ServerWebExchange exchange, JwtAuthenticationToken caller) {
        exchange.getAttributes().put(CALLER, caller);
        return exchange;
    }

    /**
     * {@code /v1/wallet/me/...} or {@code /v1/accounts/me/...} with the caller's id for
     * {@code me}; any other path as it is.
     */
    static String withCallerForMe(String rawPath, String callerId) {
        int slash = rawPath.startsWith("/v1/wallet/me") ? 10 : rawPath.startsWith("/v1/accounts/me") ? 12 : -1;
        if (slash < 0 || (rawPath.length() > slash + 3 && rawPath.charAt(slash + 3) != '/')) {
            return rawPath;
        }
        return rawPath.substring(0, slash + 1) + callerId + rawPath.substring(slash + 3);
    }

    private static Mono<Void> unauthenticated(ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return GatewayProblems.write(exchange, HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHENTICATED, "Unauthenticated",
                "Send a valid bearer token (Authorization: Bearer <JWT>).");
    }

    private static Mono<Void> forbidden(ServerWebExchange exchange) {
        return GatewayProblems.write(exchange, HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden",
                "The token does not allow this: another user's assets, or an admin action.");
    }

    /**
     * The token could not be checked at all (the identity provider's keys unreachable).
     */
    private static Mono<Void> keysUnavailable(ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
        return GatewayProblems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.SERVICE_UNAVAILABLE,
                "Service unavailable", "Tokens cannot be verified right now; retry shortly.");
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    /**
     * What a route asks of its caller: a token at all, the admin role, or to own the path
     * ({@code owner} not null).
     */
    record Rule(boolean needsCaller, boolean needsAdmin, String owner) {

        static final Rule ANYONE = new Rule(false, false, null);

        static final Rule ANY_CALLER = new Rule(true, false, null);

        static final Rule ADMIN = new Rule(true, true, null);

        boolean allows(JwtAuthenticationToken caller) {
            if (RolesConverter.isAdmin(caller)) {
                return true;
            }
            if (this.needsAdmin) {
                return false;
            }
            return this.owner == null || "me".equals(this.owner) || caller.getName().equals(this.owner);
        }

    }

}
