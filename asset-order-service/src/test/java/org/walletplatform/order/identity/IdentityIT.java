package org.walletplatform.order.identity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.walletplatform.model.caller.Caller;
import org.walletplatform.model.caller.CallerAssertion;
import org.walletplatform.order.OrderApi;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cross-app identity over HTTP on real MariaDB: binding is idempotent and race-safe, the
 * phone number takes priority, two actIDs linked by a phone are merged only explicitly,
 * and rewards can name the person by app account.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IdentityIT {

    /** Accounts and phones unique to this run: identities outlive test runs. */
    private static final String RUN = Long.toString(System.currentTimeMillis());

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Autowired
    private JsonMapper json;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void shouldGiveOneActIdPerAccountAndJoinAccountsThatShareAPhone() throws Exception {
        long first = bind("app1", "u" + RUN, null).get("actId").asLong();
        long again = bind("app1", "u" + RUN, null).get("actId").asLong();
        long withPhone = bind("app1", "u" + RUN, "+86 138" + RUN.substring(5)).get("actId").asLong();
        long otherApp = bind("app2", "v" + RUN, "+86138" + RUN.substring(5)).get("actId").asLong();

        assertThat(again).isEqualTo(first);
        assertThat(withPhone).isEqualTo(first);
        assertThat(otherApp).as("the phone (normalized) takes priority").isEqualTo(first);
        assertThat(bind("app3", "w" + RUN, null).get("actId").asLong()).isNotEqualTo(first);
    }

    @Test
    void shouldNameAMergeCandidateAndMergeOnlyWhenOpsSaySo() throws Exception {
        String phone = "139" + RUN.substring(5);
        long alone = bind("app1", "a" + RUN, null).get("actId").asLong();
        long phoneOwner = bind("app2", "b" + RUN, phone).get("actId").asLong();

        JsonNode linked = bind("app1", "a" + RUN, phone);

        assertThat(linked.get("actId").asLong()).isEqualTo(alone);
        assertThat(linked.get("mergeCandidate").asLong()).isEqualTo(phoneOwner);
        assertThat(bind("app2", "b" + RUN, null).get("actId").asLong()).as("nothing merged by itself")
            .isEqualTo(phoneOwner);

        HttpResponse<String> merged = post("/admin/identities:merge",
                "{\"fromActId\":" + phoneOwner + ",\"intoActId\":" + alone + ",\"reason\":\"same phone\"}");

        assertThat(merged.statusCode()).isEqualTo(200);
        assertThat(bind("app2", "b" + RUN, null).get("actId").asLong()).isEqualTo(alone);
        assertThat(bind("app1", "a" + RUN, phone).get("mergeCandidate").isNull()).isTrue();
        assertThat(
                this.jdbc.queryForObject("SELECT actor FROM act_merge WHERE from_act_id = ?", String.class, phoneOwner))
            .isEqualTo("ops-test");
    }

    @Test
    void shouldBindANewAccountOnceUnderConcurrentRequests() throws Exception {
        Set<Long> actIds = ConcurrentHashMap.newKeySet();
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                runs.add(threads.submit(() -> {
                    actIds.add(bind("app9", "race" + RUN, null).get("actId").asLong());
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        }
        assertThat(actIds).hasSize(1);
    }

    @Test
    void shouldIssueARewardToABoundAppAccountAndRefuseAnUnboundOne() throws Exception {
        long actId = bind("app1", "r" + RUN, null).get("actId").asLong();

        HttpResponse<String> issued = post("/v1/rewards", reward("\"appId\":\"app1\",\"appUserId\":\"r" + RUN + "\""));
        HttpResponse<String> unbound = post("/v1/rewards",
                reward("\"appId\":\"app1\",\"appUserId\":\"nobody" + RUN + "\""));
        HttpResponse<String> both = post("/v1/rewards",
                reward("\"actId\":" + actId + ",\"appId\":\"app1\",\"appUserId\":\"r" + RUN + "\""));

        assertThat(issued.statusCode()).isEqualTo(201);
        assertThat(this.json.readTree(issued.body()).get("actId").asLong()).isEqualTo(actId);
        assertThat(unbound.statusCode()).isEqualTo(422);
        assertThat(this.json.readTree(unbound.body()).get("type").asString()).endsWith("/unbound-app-user");
        assertThat(both.statusCode()).isEqualTo(400);
    }

    private static String reward(String person) {
        return "{" + person + ",\"activityId\":\"gala\",\"sceneId\":\"gala-item\",\"rainId\":\"r\","
                + "\"awardType\":\"item\",\"stage\":1,\"amountMinor\":1}";
    }

    /** Binds as a client would: again on a 503, which binding's idempotence allows. */
    private JsonNode bind(String appId, String appUserId, String phone) throws Exception {
        String body = "{\"appId\":\"" + appId + "\",\"appUserId\":\"" + appUserId + "\""
                + ((phone != null) ? ",\"phone\":\"" + phone + "\"" : "") + "}";
        HttpResponse<String> response = OrderApi.retryingOn503(() -> post("/v1/identities:bind", body));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return this.json.readTree(response.body());
    }

    /**
     * Signed as a business line (binding, issuance) and carrying the gateway's assertion
     * for the admin "ops-test" (the merge records that actor); each route checks its own.
     */
    private HttpResponse<String> post(String path, String body) throws Exception {
        String assertion = CallerAssertion.assertion(new Caller("ops-test", true), Instant.now());
        return this.http.send(OrderApi
            .signed(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)), "POST", path,
                    OrderApi.LINE, body)
            .header("Content-Type", "application/json")
            .header(CallerAssertion.HEADER, assertion)
            .header(CallerAssertion.SIGNATURE, CallerAssertion.sign("dev-caller-secret", "POST", path, assertion))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

}
