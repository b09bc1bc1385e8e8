package org.walletplatform.gateway.routing;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.walletplatform.model.caller.CallerAssertion;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.AbstractServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What passes the gateway each way: everything Spring Cloud Gateway's default header
 * filters dropped (hop-by-hop, forwarding, a length beside chunking), plus what only the
 * gateway may say (caller headers) or keep (the token). The path through Netty's own
 * headers is exercised by {@code GatewaySecurityIT}.
 */
class ProxiedHeadersTests {

    @Test
    void aServiceGetsNoHopByHopForwardingCallerOrTokenHeader() {
        MockServerHttpRequest request = MockServerHttpRequest.post("/v1/notifications")
            .header("Connection", "keep-alive, X-Hop")
            .header("X-Hop", "from the client to the gateway only")
            .header("Keep-Alive", "timeout=5")
            .header("TE", "trailers")
            .header("Trailer", "X-Checksum")
            .header("Upgrade", "websocket")
            .header("Proxy-Authorization", "Basic Zm9vOmJhcg==")
            .header("X-Application-Context", "app")
            .header("Forwarded", "for=192.0.2.60")
            .header("X-Forwarded-For", "192.0.2.60")
            .header("x-forwarded-host", "evil.example")
            .header("Authorization", "Bearer token")
            .header(CallerAssertion.HEADER, "sub=1;admin=true;ts=0")
            .header(CallerAssertion.SIGNATURE, "v1=00")
            .header("Content-Type", "application/json")
            .header("Content-Length", "2")
            .header("X-Wallet-Line", "cash")
            .header("Accept", "application/json", "application/problem+json")
            .build();

        HttpHeaders passed = ProxiedHeaders.toService(request.getHeaders(), request);

        assertThat(passed.headerNames()).containsExactlyInAnyOrder("Content-Type", "Content-Length", "X-Wallet-Line",
                "Accept");
        assertThat(passed.get("Accept")).containsExactly("application/json", "application/problem+json");
        assertThat(passed.getFirst("Content-Length")).isEqualTo("2");
    }

    @Test
    void aLengthBesideAChunkedBodyIsDropped() {
        MockServerHttpRequest request = MockServerHttpRequest.post("/v1/notifications")
            .header("Transfer-Encoding", " Chunked ")
            .header("Content-Length", "5")
            .header("Content-Type", "application/json")
            .build();

        assertThat(ProxiedHeaders.toService(request.getHeaders(), request).headerNames())
            .containsExactly("Content-Type");
    }

    @Test
    void headersAFilterBeforePassedOnAreTheOnesCopied() {
        MockServerHttpRequest request = MockServerHttpRequest.get("/v1/wallet/1").header("X-Original", "1").build();
        HttpHeaders before = new HttpHeaders();
        before.add("X-Rewritten", "2");
        before.add("Keep-Alive", "timeout=5");

        assertThat(ProxiedHeaders.toService(before, request).headerNames()).containsExactly("X-Rewritten");
    }

    @Test
    void aClientGetsNoHopByHopHeaderOfTheService() {
        HttpHeaders answer = new HttpHeaders();
        answer.add("Content-Type", "application/json");
        answer.add("Connection", "X-Internal");
        answer.add("X-Internal", "1");
        answer.add("Keep-Alive", "timeout=5");
        answer.add("Proxy-Authenticate", "Basic");
        answer.add("Transfer-Encoding", "chunked");
        answer.add("X-Request-Id", "abc");
        answer.add("X-Request-Id", "def");

        HttpHeaders passed = ProxiedHeaders.toClient(answer);

        assertThat(passed.headerNames()).containsExactlyInAnyOrder("Content-Type", "X-Request-Id");
        assertThat(passed.get("X-Request-Id")).isEqualTo(List.of("abc", "def"));
        assertThat(answer.headerNames()).as("the input is left as it was").hasSize(7);
    }

    @Test
    void anAnswerWithoutHopByHopHeadersPassesAsItIs() {
        HttpHeaders answer = new HttpHeaders();
        answer.add("Content-Type", "application/json");
        answer.add("Content-Length", "42");

        assertThat(ProxiedHeaders.toClient(answer)).isSameAs(answer);
    }

    /**
     * The fast path reads Netty's headers only for Spring's own request class, named by a
     * string (it is not public): a rename would silently send every request the slow way.
     */
    @Test
    void theRequestClassTakenAsArrivedIsSpringsReactorRequest() throws Exception {
        assertThat(AbstractServerHttpRequest.class).isAssignableFrom(Class.forName(ProxiedHeaders.AS_ARRIVED));
    }

}
