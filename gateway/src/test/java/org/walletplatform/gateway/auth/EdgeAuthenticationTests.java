package org.walletplatform.gateway.auth;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EdgeAuthenticationTests {

    private static final RolesConverter ROLES = new RolesConverter("roles");

    @Test
    void aTokenTheDecoderCallsBadIs401AndOneItCannotCheckIs503() {
        assertThat(answerWhenDecoding(new BadJwtException("signature"))).isEqualTo(HttpStatus.UNAUTHORIZED);
        // e.g. the identity provider's key set unreachable: retry, not "your token is
        // bad"
        MockServerWebExchange exchange = exchangeWhenDecoding(new JwtException("JWKS unreachable"));
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(exchange.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("1");
    }

    private static HttpStatus answerWhenDecoding(JwtException failure) {
        return HttpStatus.resolve(exchangeWhenDecoding(failure).getResponse().getStatusCode().value());
    }

    private static MockServerWebExchange exchangeWhenDecoding(JwtException failure) {
        EdgeAuthentication filter = new EdgeAuthentication(
                new VerifiedTokenCache((token) -> Mono.error(failure), ROLES, Clock.systemUTC()));
        MockServerWebExchange exchange = MockServerWebExchange
            .from(MockServerHttpRequest.get("/v1/wallet/me").header("Authorization", "Bearer abc"));
        AtomicBoolean passedOn = new AtomicBoolean();
        filter.filter(exchange, (e) -> {
            passedOn.set(true);
            return Mono.empty();
        }).block();
        assertThat(passedOn).isFalse();
        return exchange;
    }

    @Test
    void aFailureDownstreamOfAValidTokenIsNotTakenForTheTokens() {
        Jwt jwt = Jwt.withTokenValue("abc").header("alg", "EdDSA").subject("42").claim("roles", List.of()).build();
        EdgeAuthentication filter = new EdgeAuthentication(
                new VerifiedTokenCache((token) -> Mono.just(jwt), ROLES, Clock.systemUTC()));
        MockServerWebExchange exchange = MockServerWebExchange
            .from(MockServerHttpRequest.get("/v1/wallet/me").header("Authorization", "Bearer abc"));
        JwtException downstream = new JwtException("a route's own failure");

        assertThatThrownBy(() -> filter.filter(exchange, (e) -> Mono.error(downstream)).block()).isSameAs(downstream);
        assertThat(exchange.getResponse().getStatusCode()).isNull();
    }

    @Test
    void takesTheTokenOfAWellFormedBearerValue() {
        assertThat(EdgeAuthentication.bearerToken("Bearer abc.DEF-_~+/9")).isEqualTo("abc.DEF-_~+/9");
        assertThat(EdgeAuthentication.bearerToken("bearer abc==")).isEqualTo("abc==");
    }

    @Test
    void refusesWhatRfc6750DoesNotAllow() {
        for (String value : new String[] { "Bearer", "Bearer ", "Bearer  abc", "Bearer ==", "Bearer a=b",
                "Bearer abc def", "Bearer abc\u00e9", "Bearer abc,", "Basic abc", "Bearerabc" }) {
            assertThat(EdgeAuthentication.bearerToken(value)).as(value).isNull();
        }
    }

    @Test
    void makesMeTheCallersIdOnlyAsTheOwnerSegment() {
        assertThat(EdgeAuthentication.withCallerForMe("/v1/wallet/me", "42")).isEqualTo("/v1/wallet/42");
        assertThat(EdgeAuthentication.withCallerForMe("/v1/wallet/me/lines/cash/balance", "42"))
            .isEqualTo("/v1/wallet/42/lines/cash/balance");
        assertThat(EdgeAuthentication.withCallerForMe("/v1/accounts/me/flow", "u-7"))
            .isEqualTo("/v1/accounts/u-7/flow");
        for (String other : new String[] { "/v1/wallet/meow", "/v1/wallet/42/me", "/v1/accounts/mex/flow",
                "/v1/withdrawals", "/v1/wallet/" }) {
            assertThat(EdgeAuthentication.withCallerForMe(other, "42")).as(other).isEqualTo(other);
        }
    }

    @Test
    void aTokenVerifiedBeforeIsNotVerifiedAgainAndStillOnlyOpensItsOwnersPaths() {
        AtomicInteger verifications = new AtomicInteger();
        Jwt jwt = Jwt.withTokenValue("abc").header("alg", "RS256").subject("42").claim("roles", List.of()).build();
        EdgeAuthentication filter = new EdgeAuthentication(new VerifiedTokenCache((token) -> {
            verifications.incrementAndGet();
            return Mono.just(jwt);
        }, ROLES, Clock.systemUTC()));

        assertThat(answer(filter, "/v1/wallet/42")).isNull();
        assertThat(answer(filter, "/v1/wallet/me")).isNull();
        assertThat(answer(filter, "/v1/wallet/43")).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(answer(filter, "/admin/read/presence")).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(answer(filter, "/%61dmin/read/presence")).as("encoded").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(answer(filter, "/v1/wallet/4%33")).as("encoded").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(verifications).hasValue(1);
    }

    /**
     * The status the filter answered with, or null when it passed the request on as the
     * caller's.
     */
    private static HttpStatus answer(EdgeAuthentication filter, String path) {
        MockServerWebExchange exchange = MockServerWebExchange
            .from(MockServerHttpRequest.method(HttpMethod.GET, URI.create("http://localhost" + path))
                .header("Authorization", "Bearer abc"));
        AtomicBoolean passedOn = new AtomicBoolean();
        filter.filter(exchange, (e) -> {
            passedOn.set(EdgeAuthentication.callerOf(e).getName().equals("42"));
            return Mono.empty();
        }).block();
        assertThat(passedOn.get()).isEqualTo(exchange.getResponse().getStatusCode() == null);
        return (exchange.getResponse().getStatusCode() != null)
                ? HttpStatus.resolve(exchange.getResponse().getStatusCode().value()) : null;
    }

    @Test
    void decidesAPlainPathAsThePathPatternsDo() {
        for (String path : new String[] { "/admin", "/admin/", "/admin/read/presence", "/administrator", "/v1/wallet",
                "/v1/wallet/", "/v1/wallet/42", "/v1/wallet/42/", "/v1/wallet/me/home", "/v1/wallet/42/lines/cash",
                "/v1/accounts/7", "/v1/accounts/7/flow", "/v1/accounts/", "/v1/walletx/1", "/v1/withdrawals",
                "/v1/withdrawals/", "/v1/notifications", "/v1/rewards/x", "/", "/V1/wallet/42" }) {
            for (HttpMethod method : new HttpMethod[] { HttpMethod.GET, HttpMethod.POST }) {
                assertThat(EdgeAuthentication.plainRuleOf(path, method)).as(method + " " + path)
                    .isEqualTo(EdgeAuthentication.patternRuleOf(PathContainer.parsePath(path), method));
            }
        }
    }

}
