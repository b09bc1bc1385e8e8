package org.walletplatform.gateway;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import ch.qos.logback.classic.LoggerContext;
import com.sun.net.httpserver.Headers;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.walletplatform.model.ProblemTypes;
import org.walletplatform.model.caller.Caller;
import org.walletplatform.model.caller.CallerAssertion;
import org.walletplatform.testing.RedisPause;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may pass the gateway and what reaches a service: authentication, the caller
 * assertion the services receive, the headers that pass each way, owner and admin rules,
 * the admin audit, the request timer, the log-event metric, and rate limits with each
 * route's policy when Redis stops answering.
 */
class GatewaySecurityIT extends GatewayIT {

    @Autowired
    MeterRegistry meters;

    @Autowired
    List<HttpHeadersFilter> headerFilters;

    @Test
    void anonymousCallsToUserAndAdminRoutesAre401AndReachNoService() throws Exception {
        for (String path : List.of("/v1/wallet/me", "/v1/wallet/1", "/v1/wallet/1/home", "/v1/accounts/1/balance",
                "/v1/accounts/me/flow", "/admin/order/switches", "/admin/audit")) {
            HttpResponse<String> response = get(path, null);
            assertProblem(response, 401, ProblemTypes.UNAUTHENTICATED);
            assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        }
        assertProblem(post("/v1/withdrawals", null, "{}"), 401, ProblemTypes.UNAUTHENTICATED);
        assertThat(SERVICE.received()).isEmpty();
    }

    @Test
    void meIsTheCallerAndTheServiceGetsAnAssertionSignedForTheExactRequest() throws Exception {
        String user = Long.toString(RUN + 1);
        HttpResponse<String> response = get("/v1/wallet/me/home", TOKENS.user(user));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        StubService.Received received = SERVICE.last();
        assertThat(received.path()).isEqualTo("/v1/wallet/" + user + "/home");
        assertThat(callerSeenBy(received)).isEqualTo(new Caller(user, false));
        assertThat(received.headers().containsKey("Authorization")).as("the token stays at the edge").isFalse();
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    void eachRequestIsTimedOnceTaggedWithItsRouteOrAsTheGatewaysOwnAnswer() throws Exception {
        String token = TOKENS.user(Long.toString(RUN + 11));
        double proxied = timed("wallet-read", "200");
        double refused = timed("none", "401");

        assertThat(get("/v1/wallet/me", token).statusCode()).isEqualTo(200);
        assertThat(get("/v1/wallet/me", null).statusCode()).isEqualTo(401);

        assertThat(timed("wallet-read", "200")).isEqualTo(proxied + 1);
        assertThat(timed("none", "401")).isEqualTo(refused + 1);
        assertThat(this.meters.find("spring.cloud.gateway.requests").meters()).as("timed once").isEmpty();
        assertThat(this.meters.find("http.server.requests").tag("status", "401").meters()).as("timed once").isEmpty();
    }

    private double timed(String route, String status) {
        return this.meters.find("gateway.requests")
            .tag("route", route)
            .tag("method", "GET")
            .tag("status", status)
            .timers()
            .stream()
            .mapToDouble(Timer::count)
            .sum();
    }

    @Test
    void anotherUsersAssetsAre403() throws Exception {
        String token = TOKENS.user(Long.toString(RUN + 2));
        for (String path : List.of("/v1/wallet/" + (RUN + 3), "/v1/wallet/" + (RUN + 3) + "/lines/cash/balance",
                "/v1/accounts/" + (RUN + 3) + "/balance")) {
            assertProblem(get(path, token), 403, ProblemTypes.FORBIDDEN);
        }
        assertProblem(get("/admin/order/switches", token), 403, ProblemTypes.FORBIDDEN);
        assertThat(SERVICE.received()).isEmpty();
    }

    @Test
    void anAdminReadsAnyUserAndRunsAuditedAdminActions() throws Exception {
        String admin = "ops-" + RUN;
        String token = TOKENS.admin(admin);
        assertThat(get("/v1/wallet/" + (RUN + 4), token).statusCode()).isEqualTo(200);
        assertThat(callerSeenBy(SERVICE.last())).isEqualTo(new Caller(admin, true));

        HttpResponse<String> action = send(HttpRequest.newBuilder(uri("/admin/order/switches/delivery.coupon"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString("{\"on\":true,\"reason\":\"test\"}")));

        assertThat(action.statusCode()).isEqualTo(200);
        assertThat(SERVICE.last().path()).isEqualTo("/admin/switches/delivery.coupon");
        assertThat(callerSeenBy(SERVICE.last())).isEqualTo(new Caller(admin, true));
        String audit = get("/admin/audit?count=20", token).body();
        assertThat(audit).contains("\"actor\":\"" + admin + "\"", "/admin/order/switches/delivery.coupon",
                "\"phase\":\"attempt\"", "\"phase\":\"outcome\"", "\"status\":\"200\"");
    }

    @Test
    void forgedExpiredForeignOrUnboundedTokensAre401() throws Exception {
        String user = Long.toString(RUN + 5);
        for (String token : List.of(TOKENS.expired(user), TOKENS.otherIssuer(user), TOKENS.withoutExpiry(user),
                TOKENS.signedByAStranger(user), "not.a.jwt", TOKENS.user(user) + "x", TOKENS.user("bad subject!"))) {
            assertProblem(get("/v1/wallet/me", token), 401, ProblemTypes.UNAUTHENTICATED);
        }
        // a token sent must be valid also where none is needed
        assertProblem(post("/v1/notifications", TOKENS.expired(user), "{}"), 401, ProblemTypes.UNAUTHENTICATED);
        assertProblem(send(HttpRequest.newBuilder(uri("/v1/wallet/" + user))
            .header("Authorization", "Basic " + TOKENS.user(user))
            .GET()), 401, ProblemTypes.UNAUTHENTICATED);
        assertThat(SERVICE.received()).isEmpty();
    }

    @Test
    void callerHeadersFromOutsideNeverReachAService() throws Exception {
        String forged = CallerAssertion.assertion(new Caller("1", true), Instant.now());
        HttpRequest.Builder anonymous = HttpRequest.newBuilder(uri("/v1/notifications"))
            .header(CallerAssertion.HEADER, forged)
            .header(CallerAssertion.SIGNATURE, "v1=00")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{}"));
        assertThat(send(anonymous).statusCode()).isEqualTo(200);
        assertThat(SERVICE.last().headers().containsKey(CallerAssertion.HEADER)).isFalse();
        assertThat(SERVICE.last().headers().containsKey(CallerAssertion.SIGNATURE)).isFalse();

        String user = Long.toString(RUN + 6);
        send(HttpRequest.newBuilder(uri("/v1/wallet/me"))
            .header("Authorization", "Bearer " + TOKENS.user(user))
            .header(CallerAssertion.HEADER, forged)
            .GET());
        assertThat(SERVICE.last().headers().get(CallerAssertion.HEADER)).hasSize(1);
        assertThat(callerSeenBy(SERVICE.last())).isEqualTo(new Caller(user, false));
    }

    /**
     * {@code logback.events} is counted by an appender: Logback's turbo filter list stays
     * empty, so the many level checks of Reactor, Netty and Spring Cloud Gateway per
     * request ask no filter.
     */
    @Test
    void logEventsAreCountedWithoutATurboFilter() {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        assertThat(logging.getTurboFilterList()).isEmpty();
        double before = this.meters.get("logback.events").tag("level", "warn").counter().count();
        LoggerFactory.getLogger(GatewaySecurityIT.class).warn("counted");
        assertThat(this.meters.get("logback.events").tag("level", "warn").counter().count())
            .isGreaterThanOrEqualTo(before + 1);
    }

    /**
     * Through Netty as a client sends them (the JDK client may not set
     * {@code Connection}): hop-by-hop and forwarding headers stop at the gateway both
     * ways, everything else passes, repeated values included.
     */
    @Test
    void hopByHopAndForwardingHeadersStopAtTheGatewayBothWays() throws Exception {
        String answer = raw("GET /v1/notifications HTTP/1.1\r\nHost: x\r\nConnection: close, X-Hop\r\nX-Hop: 1\r\n"
                + "Keep-Alive: timeout=5\r\nProxy-Authorization: Basic Zm9v\r\nTE: trailers\r\n"
                + "Forwarded: for=192.0.2.60\r\nX-Forwarded-For: 192.0.2.60\r\nX-Forwarded-Host: evil\r\n"
                + "X-Kept: a\r\nX-Kept: b\r\n" + StubService.ANSWER_HEADER + ": Proxy-Authenticate: Basic\r\n"
                + StubService.ANSWER_HEADER + ": X-Application-Context: stub\r\n" + StubService.ANSWER_HEADER
                + ": X-Stub-Kept: yes\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 200")
            .containsIgnoringCase("X-Stub-Kept: yes")
            .doesNotContainIgnoringCase("Proxy-Authenticate")
            .doesNotContainIgnoringCase("X-Application-Context");
        Headers received = SERVICE.last().headers();
        assertThat(received.get("X-Kept")).containsExactly("a", "b");
        for (String dropped : List.of("X-Hop", "Keep-Alive", "Proxy-Authorization", "TE", "Forwarded",
                "X-Forwarded-For", "X-Forwarded-Host")) {
            assertThat(received.containsKey(dropped)).as(dropped).isFalse();
        }
    }

    /**
     * A filter that changes a request's headers makes another request object, whose
     * native request still holds the headers as they arrived: the changed ones are what
     * passes ({@link HeaderChangingFilter}, which changes only requests that carry its
     * trigger).
     */
    @Test
    void headersAFilterChangedAreTheOnesForwarded() throws Exception {
        send(HttpRequest.newBuilder(uri("/v1/notifications"))
            .header(HeaderChangingFilter.TRIGGER, "replaced")
            .header("X-Forwarded-For", "192.0.2.60")
            .GET());
        Headers received = SERVICE.last().headers();
        assertThat(received.getFirst(HeaderChangingFilter.TRIGGER)).isEqualTo("changed by a filter");
        assertThat(received.containsKey("X-Forwarded-For")).isFalse();
    }

    /**
     * Spring Cloud Gateway's default header filters each copied every header once more;
     * {@code routing/ProxiedHeaders} does their work in one copy. A default filter a new
     * version brings would show up here, to be weighed.
     */
    @Test
    void theOnlyHeaderFiltersAreTheGatewaysOwn() {
        assertThat(this.headerFilters).hasSize(3)
            .allSatisfy((filter) -> assertThat(filter.getClass().getName()).startsWith("org.walletplatform.gateway."));
    }

    @Test
    void theRequestPastTheLimitIs429WithRetryAfter() throws Exception {
        String token = TOKENS.user(Long.toString(RUN + 7));
        String path = "/v1/wallet/me/lines/cash/balance";
        for (int i = 0; i < 3; i++) {
            assertThat(get(path, token).statusCode()).isEqualTo(200);
        }
        long before = System.currentTimeMillis();
        HttpResponse<String> refused = get(path, token);
        long after = System.currentTimeMillis();

        assertProblem(refused, 429, ProblemTypes.RATE_LIMITED);
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        // three in this hour's window: the rest of it, then until the three weigh less
        // than two in the next (a sliding window; a fixed one would say the rest only)
        assertThat(retryAfter).isBetween(secondsToRetry(after), secondsToRetry(before));
        assertThat(SERVICE.received()).hasSize(3);
        // another user has a budget of their own
        assertThat(get(path, TOKENS.user(Long.toString(RUN + 8))).statusCode()).isEqualTo(200);
    }

    @Test
    void withRedisPausedReadsFailOpenAndWithdrawalsFailClosed() throws Exception {
        String token = TOKENS.user(Long.toString(RUN + 9));
        RedisPause.everyNode(redisNodes(), Duration.ofSeconds(3));
        HttpResponse<String> read = get("/v1/wallet/me/lines/cash/balance", token);
        HttpResponse<String> withdrawal = post("/v1/withdrawals", token, "{}");

        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertProblem(withdrawal, 503, ProblemTypes.SERVICE_UNAVAILABLE);
        assertThat(withdrawal.headers().firstValue("Retry-After")).contains("1");
        assertThat(SERVICE.received()).extracting(StubService.Received::path)
            .containsExactly("/v1/wallet/" + (RUN + 9) + "/lines/cash/balance");
        Thread.sleep(3_000);
        assertThat(post("/v1/withdrawals", token, "{}").statusCode()).isEqualTo(200);
    }

    /** The nodes of the Redis the gateway counts in, each paused to take Redis away. */
    List<String> redisNodes() {
        return List.of("127.0.0.1:6379");
    }

    private static long secondsToRetry(long now) {
        long hour = 3_600_000;
        return (hour - now % hour + hour / 3 + 999) / 1000;
    }

    private static Caller callerSeenBy(StubService.Received received) {
        return CallerAssertion
            .verify(List.of("dev-caller-secret"), received.method(), received.path(),
                    received.headers().getFirst(CallerAssertion.HEADER),
                    received.headers().getFirst(CallerAssertion.SIGNATURE), Instant.now())
            .orElseThrow(() -> new AssertionError("no valid caller assertion in " + received.headers()));
    }

}
