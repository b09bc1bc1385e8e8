package org.walletplatform.e2e;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.walletplatform.model.caller.Caller;
import org.walletplatform.model.caller.CallerAssertion;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call what, on the running platform through the gateway: every caller kind
 * against every kind of route, each cell's status asserted; then the services refusing
 * user and admin calls that bypass the gateway.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityMatrixE2EIT {

    private static final long A = 770_000_000L + Instant.now().getEpochSecond() % 100_000_000L;

    private static final long B = A + 1;

    private Platform platform;

    @BeforeAll
    void start() {
        this.platform = Platform.shared();
    }

    @Test
    void everyCallerAgainstEveryRoute() {
        Map<String, Caller> callers = new LinkedHashMap<>();
        callers.put("anonymous", new Caller(null, null));
        callers.put("user A", new Caller(this.platform.userToken(A), null));
        callers.put("user B", new Caller(this.platform.userToken(B), null));
        // gala issues rewards (granted the gala-* scenes); coins pushes its own line's
        // changes
        callers.put("line gala", new Caller(null, "gala"));
        callers.put("line coins", new Caller(null, "coins"));
        callers.put("admin", new Caller(this.platform.adminToken("ops-e2e"), null));
        String packet = "{\"actId\":" + A + ",\"activityId\":\"gala\",\"sceneId\":\"gala-cash\",\"rainId\":\"m\","
                + "\"awardType\":\"cash\",\"stage\":1,\"amountMinor\":1}";
        // route → expected status per caller, in the order above
        List<Route> routes = List.of(new Route("GET", "/v1/wallet/" + A, null, 401, 200, 403, 401, 401, 200),
                new Route("GET", "/v1/wallet/me/home", null, 401, 200, 200, 401, 401, 400),
                new Route("GET", "/v1/wallet/" + A + "/home", null, 401, 200, 403, 401, 401, 200),
                new Route("GET", "/v1/accounts/" + A + "/balance", null, 401, 200, 403, 401, 401, 200),
                new Route("GET", "/v1/accounts/me/flow?limit=5", null, 401, 200, 200, 401, 401, 400),
                new Route("POST", "/v1/accounts/" + A + "/settlement", "", 401, 200, 403, 401, 401, 200),
                new Route("POST", "/v1/withdrawals",
                        "{\"actId\":" + A + ",\"withdrawalNo\":\"w-" + A + "\",\"amountMinor\":100}", 401, 422, 403,
                        401, 401, 422),
                new Route("POST", "/v1/rewards", packet, 401, 401, 401, 201, 403, 401),
                new Route("GET", "/v1/rewards/" + A + "_gala-cash_m_cash_1", null, 401, 401, 401, 200, 403, 401),
                new Route("POST", "/v1/identities:bind", "{\"appId\":\"app-m\",\"appUserId\":\"m" + A + "\"}", 401, 401,
                        401, 200, 200, 401),
                new Route("POST", "/v1/accounts/" + A + "/tokens", "{\"token\":\"x\"}", 401, 400, 403, 401, 401, 400),
                new Route("GET", "/v1/accounts/" + A + "/withdrawals/none-" + A, null, 401, 404, 403, 401, 401, 404),
                new Route("GET", "/v1/wallet/" + A + "/lines/points/balance", null, 401, 200, 403, 401, 401, 200),
                new Route("GET", "/v1/wallet/" + A + "/lines/points/details?limit=5", null, 401, 200, 403, 401, 401,
                        200),
                new Route("POST", "/v1/notifications:batch",
                        "{\"notifications\":[{\"userId\":" + A + ",\"businessLine\":\"coins\"}]}", 401, 401, 401, 401,
                        202, 401),
                new Route("POST", "/admin/order/identities:merge", "{}", 401, 403, 403, 401, 401, 400),
                new Route("GET", "/admin/write/switches", null, 401, 403, 403, 401, 401, 200),
                new Route("GET", "/admin/sync/switches", null, 401, 403, 403, 401, 401, 200),
                new Route("GET", "/admin/write/config/display", null, 401, 403, 403, 401, 401, 200),
                new Route("POST", "/admin/write/config/integration/releases", "{}", 401, 403, 403, 401, 401, 400),
                new Route("POST", "/v1/notifications",
                        "{\"userId\":" + A + ",\"businessLine\":\"coins\",\"version\":1}", 401, 401, 401, 401, 202,
                        401),
                new Route("POST", "/v1/notifications", "{\"userId\":" + A + ",\"businessLine\":\"cash\",\"version\":1}",
                        401, 401, 401, 401, 403, 401),
                new Route("GET", "/admin/order/switches", null, 401, 403, 403, 401, 401, 200),
                new Route("GET", "/admin/read/switches", null, 401, 403, 403, 401, 401, 200),
                new Route("GET", "/admin/audit?count=1", null, 401, 403, 403, 401, 401, 200),
                new Route("GET", "/actuator/health", null, 200, 200, 200, 200, 200, 200),
                new Route("GET", "/actuator/env", null, 404, 404, 404, 404, 404, 404));

        List<String> wrong = new ArrayList<>();
        for (Route route : routes) {
            int column = 0;
            for (Map.Entry<String, Caller> caller : callers.entrySet()) {
                int expected = route.expected()[column++];
                HttpResponse<String> response;
                try {
                    response = call(route, caller.getValue());
                }
                catch (java.io.UncheckedIOException ex) {
                    wrong.add(route.method() + " " + route.path() + " as " + caller.getKey() + ": " + ex.getMessage());
                    continue;
                }
                if (response.statusCode() != expected) {
                    wrong.add(route.method() + " " + route.path() + " as " + caller.getKey() + ": expected " + expected
                            + ", got " + response.statusCode() + " " + response.body());
                }
                else if (expected >= 400) {
                    assertThat(response.headers().firstValue("Content-Type"))
                        .hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void servicesRefuseUserAndAdminCallsThatBypassTheGateway() {
        String wallet = "/v1/wallet/" + A;
        assertThat(this.platform.get(18081, wallet).statusCode()).isEqualTo(401);
        assertThat(this.platform.get(Platform.ORDER_CENTER, "/v1/accounts/" + A + "/balance").statusCode())
            .isEqualTo(401);
        assertThat(this.platform.get(Platform.ORDER_CENTER, "/admin/budgets/reconciliation").statusCode())
            .isEqualTo(401);

        // a caller header forged without the gateway's secret
        String assertion = CallerAssertion.assertion(new org.walletplatform.model.caller.Caller("1", true),
                Instant.now());
        HttpResponse<String> forged = this.platform.sendWithHeaders(18081, wallet, Map.of(CallerAssertion.HEADER,
                assertion, CallerAssertion.SIGNATURE, CallerAssertion.sign("guessed", "GET", wallet, assertion)));
        assertThat(forged.statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> call(Route route, Caller caller) {
        if (caller.line() != null) {
            return this.platform.sendSigned(Platform.GATEWAY, route.method(), route.path(), caller.line(),
                    (route.body() != null) ? route.body() : "");
        }
        return this.platform.send(Platform.GATEWAY, route.method(), route.path(), caller.token(), route.body());
    }

    private record Caller(String token, String line) {
    }

    private record Route(String method, String path, String body, int... expected) {
    }

}
