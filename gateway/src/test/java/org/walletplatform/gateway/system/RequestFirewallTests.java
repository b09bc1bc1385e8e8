package org.walletplatform.gateway.system;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.web.server.ServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The firewall that replaced Spring Security's must refuse what that one refuses: each
 * path and header below is judged by both.
 */
class RequestFirewallTests {

    private static final List<String> PATHS = List.of("/v1/wallet/42", "/v1/wallet/me/lines/cash/details",
            "/v1/notifications:batch", "/admin/order/budgets/reconciliation", "/v1/wallet/a%20b", "/v1/wallet/a+b",
            "/v1/wallet/%E4%BD%A0", "/", "/v1/wallet/..%2F..%2Fetc", "/v1/wallet/%2e%2e/admin", "/v1/wallet/%2E",
            "/v1/wallet/a%2fb", "/v1/wallet/a%2Fb", "/v1/wallet//42", "/v1/wallet/./42", "/v1/wallet/../admin",
            "/v1/wallet/..", "/v1/wallet/.", "/v1/wallet/a;b", "/v1/wallet/a%3bb", "/v1/wallet/a%3Bb",
            "/v1/wallet/a%5cb", "/v1/wallet/a%5Cb", "/v1/wallet/%00", "/v1/wallet/a%0ab", "/v1/wallet/a%0Db",
            "/v1/wallet/a%25b", "/v1/wallet/%E2%80%A8", "/v1/wallet/%E2%80%A9", "/v1/wallet/.hidden",
            "/v1/wallet/a..b");

    private final StrictServerWebExchangeFirewall spring = new StrictServerWebExchangeFirewall();

    @Test
    void refusesThePathsSpringSecuritysFirewallRefuses() {
        for (String path : PATHS) {
            MockServerHttpRequest request = get(path).build();
            assertThat(RequestFirewall.allows(request)).as(path).isEqualTo(springAllows(request));
        }
        assertThat(PATHS.stream().filter((p) -> RequestFirewall.allows(get(p).build())))
            .as("the paths both let through")
            .containsExactly("/v1/wallet/42", "/v1/wallet/me/lines/cash/details", "/v1/notifications:batch",
                    "/admin/order/budgets/reconciliation", "/v1/wallet/a%20b", "/v1/wallet/a+b", "/v1/wallet/%E4%BD%A0",
                    "/", "/v1/wallet/.hidden", "/v1/wallet/a..b");
    }

    @Test
    void refusesMethodsBeyondTheUsualOnes() {
        assertThat(RequestFirewall.allows(MockServerHttpRequest.method(HttpMethod.valueOf("TRACE"), "/v1").build()))
            .isFalse();
        assertThat(RequestFirewall.allows(MockServerHttpRequest.method(HttpMethod.valueOf("PROPFIND"), "/v1").build()))
            .isFalse();
        for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST, HttpMethod.PUT,
                HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.OPTIONS)) {
            assertThat(RequestFirewall.allows(MockServerHttpRequest.method(method, "/v1").build())).as(method.name())
                .isTrue();
        }
    }

    @Test
    void refusesControlCharactersInHeadersButATabInAValue() {
        assertThat(allowsHeader("X-Note", "plain text, ünïcödé")).isTrue();
        assertThat(allowsHeader("X-Note", "a\tb")).isTrue();
        assertThat(allowsHeader("X-Note", "a\u0001b")).isFalse();
        assertThat(allowsHeader("X-Note", "a\u007fb")).isFalse();
        assertThat(allowsHeader("X-Note", "a\u0378b")).as("unassigned").isFalse();
        assertThat(allowsHeader("X-N\u0001ote", "a")).isFalse();
        assertThat(allowsHeader("X-N\tote", "a")).as("a tab in a name").isFalse();
    }

    @Test
    void refusesControlCharactersInQueryParameterNames() {
        assertThat(RequestFirewall.allows(get("/v1/wallet/1/details?cursor=abc&limit=5").build())).isTrue();
        assertThat(RequestFirewall.allows(get("/v1/wallet/1/details?cur%01sor=abc").build())).isFalse();
    }

    /** A request for exactly this path and query, nothing normalised or encoded. */
    private static MockServerHttpRequest.BaseBuilder<?> get(String pathAndQuery) {
        return MockServerHttpRequest.method(HttpMethod.GET, URI.create("http://localhost" + pathAndQuery));
    }

    private static boolean allowsHeader(String name, String value) {
        return RequestFirewall.allows(MockServerHttpRequest.get("/v1/wallet/1").header(name, value).build());
    }

    private boolean springAllows(MockServerHttpRequest request) {
        try {
            ServerWebExchange exchange = this.spring.getFirewalledExchange(MockServerWebExchange.from(request)).block();
            return exchange != null;
        }
        catch (RuntimeException ex) {
            return false;
        }
    }

}
