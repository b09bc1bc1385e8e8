package org.walletplatform.gateway;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.walletplatform.model.ProblemTypes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the gateway answers itself, as problems, to requests it will not pass on (too
 * large, suspicious, unknown routes, heads and bodies Netty or Spring could not parse, an
 * expectation it cannot meet) and to a service that breaks off, and that a keep-alive
 * connection keeps answering.
 */
class GatewayHostileInputIT extends GatewayIT {

    @Test
    void oversizedOrSuspiciousRequestsAndUnknownRoutesAreProblems() throws Exception {
        HttpResponse<String> large = post("/v1/notifications", null, "{\"x\":\"" + "a".repeat(300_000) + "\"}");
        assertProblem(large, 413, ProblemTypes.PAYLOAD_TOO_LARGE);
        assertProblem(get("/actuator/env", null), 404, ProblemTypes.NOT_FOUND);
        HttpResponse<String> health = get("/actuator/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
        assertProblem(get("/actuator/prometheus", null), 404, ProblemTypes.NOT_FOUND);
        assertProblem(get("/v2/anything", null), 404, ProblemTypes.NOT_FOUND);
        // the asterisk form names no path: the problem names no instance
        assertThat(raw("OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 404")
            .contains(ProblemTypes.NOT_FOUND.toString())
            .doesNotContain("\"instance\"");
        String token = TOKENS.user(Long.toString(RUN + 10));
        assertProblem(get("/v1/wallet/me?cursor=" + "A".repeat(9_000), token), 414, ProblemTypes.URI_TOO_LONG);
        assertProblem(get("/v1/wallet/%00", token), 400, ProblemTypes.MALFORMED_REQUEST);
        assertProblem(get("/v1/wallet/..%2F..%2Fetc", token), 400, ProblemTypes.MALFORMED_REQUEST);
        assertThat(SERVICE.received()).isEmpty();
    }

    /**
     * A C1 control character (byte 0x85): Netty's decoder lets it through (it refuses C0
     * controls itself), so the firewall's problem is what answers.
     */
    @Test
    void aControlCharacterInAHeaderIsRefusedBeforeAnyService() throws Exception {
        assertThat(raw("GET /v1/notifications HTTP/1.1\r\nHost: x\r\nX-Note: a\u0085b\r\nConnection: close\r\n\r\n"))
            .startsWith("HTTP/1.1 400")
            .contains(ProblemTypes.MALFORMED_REQUEST.toString());
        assertThat(SERVICE.received()).isEmpty();
    }

    /**
     * A target Spring's Netty adapter cannot make a URI of gets the firewall's problem,
     * not the adapter's bare 400; the mark that routes it there cannot be set by a
     * client.
     */
    @Test
    void anUnparsableTargetIsAProblemAndItsMarkCannotBeForged() throws Exception {
        assertThat(raw("GET /v1/notifications?cursor=%%% HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
            .startsWith("HTTP/1.1 400")
            .containsIgnoringCase("Content-Type: application/problem+json")
            .contains(ProblemTypes.MALFORMED_REQUEST.toString(), "not a valid URI");
        assertThat(SERVICE.received()).isEmpty();
        assertThat(raw("GET /v1/notifications HTTP/1.1\r\nHost: x\r\nX-Wallet-Unparsable-Target: true\r\n"
                + "Connection: close\r\n\r\n"))
            .startsWith("HTTP/1.1 200");
    }

    /** Heads Netty cannot decode get a problem too, not Reactor Netty's bare status. */
    @Test
    void anUndecodableHeadIsAProblem() throws Exception {
        assertThat(raw("POST /v1/notifications HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n{}"))
            .startsWith("HTTP/1.1 400")
            .containsIgnoringCase("Content-Type: application/problem+json")
            .contains(ProblemTypes.MALFORMED_REQUEST.toString());
        assertThat(raw("GET /v1/notifications HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n"))
            .startsWith("HTTP/1.1 431")
            .containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(SERVICE.received()).isEmpty();
    }

    /**
     * A chunked body that is no chunked coding: Reactor Netty's answer was a bare 400.
     */
    @Test
    void aBrokenChunkedBodyIsAProblem() throws Exception {
        assertThat(raw("POST /v1/notifications HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n{\"userId\":1}\r\n"))
            .startsWith("HTTP/1.1 400")
            .containsIgnoringCase("Content-Type: application/problem+json")
            .contains(ProblemTypes.MALFORMED_REQUEST.toString(), "chunked");
    }

    /**
     * A body that stops short of its length: the gateway answers, where the service's
     * Tomcat held the request for its 60 s read timeout.
     */
    @Test
    void aBodyThatStallsIsA408ProblemAfterTheBodyTimeout() throws Exception {
        long start = System.nanoTime();
        assertThat(raw("POST /v1/notifications HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: 100\r\n\r\n{\"userId\":"))
            .startsWith("HTTP/1.1 408")
            .containsIgnoringCase("Content-Type: application/problem+json")
            .contains(ProblemTypes.MALFORMED_REQUEST.toString());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }

    /**
     * An HTTP/2 preface on the HTTP/1.1 port, which Reactor Netty answered with a bare
     * 400.
     */
    @Test
    void aVersionOtherThanHttp1IsA505Problem() throws Exception {
        assertThat(raw("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n")).startsWith("HTTP/1.1 505")
            .containsIgnoringCase("Content-Type: application/problem+json")
            .contains("HTTP/2.0");
        assertThat(SERVICE.received()).isEmpty();
    }

    /**
     * No route is a WebSocket: an upgrade request is proxied as plain HTTP, where Spring
     * Cloud Gateway switched protocols (101) before the service had answered.
     */
    @Test
    void anUpgradeToWebSocketIsAnsweredAsPlainHttp() throws Exception {
        assertThat(raw("GET /v1/notifications HTTP/1.1\r\nHost: x\r\nConnection: Upgrade, close\r\n"
                + "Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n"))
            .startsWith("HTTP/1.1 200");
        assertThat(SERVICE.last().headers().containsKey("Upgrade")).isFalse();
    }

    @Test
    void anExpectationOtherThan100ContinueIs417AndReachesNoService() throws Exception {
        assertThat(raw("POST /v1/notifications HTTP/1.1\r\nHost: x\r\nExpect: nope\r\nContent-Length: 2\r\n"
                + "Connection: close\r\n\r\n{}"))
            .startsWith("HTTP/1.1 417")
            .containsIgnoringCase("Content-Type: application/problem+json")
            .contains(ProblemTypes.EXPECTATION_FAILED.toString());
        assertThat(SERVICE.received()).isEmpty();
        HttpResponse<String> continued = this.http
            .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/v1/notifications"))
                .expectContinue(true)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(continued.statusCode()).as(continued.body()).isEqualTo(200);
    }

    /**
     * Reactor Netty 1.3.6 stopped reading a keep-alive connection when a request arrived
     * before the previous response's operations had terminated, which the health route
     * (answered off the event loop) provoked in roughly one request in twelve: the next
     * request on the connection never got an answer. One connection, many rounds.
     */
    @Test
    void aKeepAliveConnectionAnswersEveryRequestAfterHealthChecks() throws Exception {
        for (int round = 0; round < 60; round++) {
            assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
            assertProblem(get("/v2/round-" + round, null), 404, ProblemTypes.NOT_FOUND);
        }
    }

    /**
     * A service that closes the connection without answering may have acted on the
     * request: 502, which a client retries with the same order or withdrawal number, not
     * a 500 that reads as the gateway's own fault.
     */
    @Test
    void aServiceThatHangsUpIsA502Problem() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/v1/wallet/me"))
            .header("Authorization", "Bearer " + TOKENS.user(Long.toString(RUN + 12)))
            .header(StubService.HANG_UP_HEADER, "yes")
            .GET());

        assertProblem(response, 502, ProblemTypes.BAD_GATEWAY);
        assertThat(SERVICE.received()).isNotEmpty();
        assertThat(get("/v1/wallet/me", TOKENS.user(Long.toString(RUN + 12))).statusCode()).isEqualTo(200);
    }

    /**
     * The gateway closes a connection to a service that sat idle past
     * {@code max-idle-time}, before the service's keep-alive would: a request sent just
     * as the service closes an idle connection fails on it.
     */
    @Test
    void aConnectionIdlePastMaxIdleTimeIsNotUsedAgain() throws Exception {
        String token = TOKENS.user(Long.toString(RUN + 13));
        assertThat(get("/v1/wallet/me", token).statusCode()).isEqualTo(200);
        Set<Integer> used = SERVICE.clientPorts();
        Thread.sleep(1_500);

        assertThat(get("/v1/wallet/me", token).statusCode()).isEqualTo(200);
        assertThat(used).doesNotContain(SERVICE.last().clientPort());
    }

}
