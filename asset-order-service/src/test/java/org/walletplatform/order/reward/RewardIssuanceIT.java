package org.walletplatform.order.reward;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.walletplatform.model.signing.RequestSignature;
import org.walletplatform.order.OrderApi;
import org.walletplatform.order.OrderServiceTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reward issuance over HTTP on real sharded MariaDB and Redis: idempotent under
 * concurrent retries, conflicts and refusals answered as problems with nothing written.
 */
@OrderServiceTest
class RewardIssuanceIT {

    /**
     * Act ids unique to this test: orders outlive test runs (and a subclass runs them
     * again).
     */
    private final long run = System.currentTimeMillis() % 1_000_000_000L * 1_000;

    private OrderApi api;

    @LocalServerPort
    private int port;

    @Autowired
    private JsonMapper json;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private StringRedisTemplate redis;

    @BeforeAll
    static void freshTinyBudget(@Autowired StringRedisTemplate redis) {
        redis.delete("order:budget:{it-tiny}");
    }

    @Test
    void shouldWriteEachOrderOnceWhen16ThreadsRetryTheSame500OrderNumbers() throws Exception {
        Map<String, Set<String>> answers = new ConcurrentHashMap<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(16)) {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                int offset = t;
                runs.add(threads.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        int n = (i + offset * 31) % 500;
                        HttpResponse<String> response = OrderApi
                            .retryingOn503(() -> post(coupon(this.run + n, "rain-" + n, 10 + n)));
                        assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
                        JsonNode order = this.json.readTree(response.body());
                        ((ObjectNode) order).remove("replay");
                        answers.computeIfAbsent(order.get("orderNo").asString(), (k) -> ConcurrentHashMap.newKeySet())
                            .add(order.toString());
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        }

        assertThat(answers).hasSize(500);
        assertThat(answers.values()).allSatisfy((bodies) -> assertThat(bodies).as("every replay identical").hasSize(1));
        Long rows = this.jdbc.queryForObject(
                "SELECT COUNT(*) FROM reward_order WHERE act_id >= ? AND act_id < ? AND scene_id = 'it-coupon'",
                Long.class, this.run, this.run + 500);
        assertThat(rows).isEqualTo(500);
    }

    @Test
    void shouldAnswerARetryAsAReplayAndOtherContentUnderTheSameNumberAsAConflict() throws Exception {
        HttpResponse<String> first = post(coupon(this.run + 900, "r", 300));
        HttpResponse<String> again = post(coupon(this.run + 900, "r", 300));
        HttpResponse<String> other = post(coupon(this.run + 900, "r", 301));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(this.json.readTree(first.body()).propertyNames()).as("the order's fields, nothing else")
            .containsExactlyInAnyOrder("orderNo", "actId", "activityId", "phase", "sceneId", "rainId", "awardType",
                    "stage", "amountMinor", "payload", "state", "createdAt", "replay");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(this.json.readTree(again.body()).get("replay").asBoolean()).isTrue();
        assertThat(other.statusCode()).isEqualTo(409);
        assertThat(problemType(other)).endsWith("/order-conflict");
        String orderNo = this.json.readTree(first.body()).get("orderNo").asString();
        assertThat(orderNo).isEqualTo((this.run + 900) + "_it-coupon_r_coupon_1");
        JsonNode stored = this.json.readTree(get("/v1/rewards/" + orderNo).body());
        assertThat(stored.get("amountMinor").asLong()).isEqualTo(300);
        // no downstream runs in this test: the delivery stays unconfirmed
        assertThat(stored.get("state").asString()).isIn("accepted", "delivering");
    }

    @Test
    void shouldRefuseWithStockLowOnceTheBudgetIsDownToItsReserve() throws Exception {
        // budget 1000, reserve 10 %: 900 can be issued
        for (int i = 0; i < 9; i++) {
            assertThat(post(tiny(this.run + 950 + i, 100)).statusCode()).isEqualTo(201);
        }
        HttpResponse<String> refused = post(tiny(this.run + 960, 100));

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(problemType(refused)).endsWith("/stock-low");
        assertThat(rowsFor(this.run + 960)).isZero();
        assertThat(post(tiny(this.run + 950, 100)).statusCode()).as("a retry of an issued order still answers")
            .isEqualTo(200);
    }

    @Test
    void shouldIssueATestPhaseOrderFromABudgetOfItsOwn() throws Exception {
        Object productionLeased = this.redis.opsForHash().get("order:budget:{it-coupon}", "leased");

        HttpResponse<String> issued = post(coupon(this.run + 800, "r", 40).replace("\"gala\"", "\"it-testing\""));

        assertThat(issued.statusCode()).isEqualTo(201);
        assertThat(this.json.readTree(issued.body()).get("phase").asString()).isEqualTo("test");
        assertThat(this.redis.opsForHash().get("order:budget:{it-coupon~test}", "leased")).isNotNull();
        assertThat(this.redis.opsForHash().get("order:budget:{it-coupon}", "leased")).as("production budget untouched")
            .isEqualTo(productionLeased);
    }

    @Test
    void shouldRefuseAnUnknownActivityAndOneWithNoPhaseRunningNow() throws Exception {
        HttpResponse<String> over = post(coupon(this.run + 810, "r", 40).replace("\"gala\"", "\"it-over\""));
        HttpResponse<String> unknown = post(coupon(this.run + 811, "r", 40).replace("\"gala\"", "\"nowhere\""));

        assertThat(over.statusCode()).isEqualTo(422);
        assertThat(problemType(over)).endsWith("/activity-not-running");
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(problemType(unknown)).endsWith("/unknown-activity");
        assertThat(rowsFor(this.run + 810) + rowsFor(this.run + 811)).isZero();
    }

    @Test
    void shouldRefuseIssuancesAboveTheScenesRateWith429AndRetryAfterWritingNothing() throws Exception {
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            answers
                .add(post("{\"actId\":" + (this.run + 700 + i) + ",\"activityId\":\"gala\",\"sceneId\":\"it-limited\","
                        + "\"rainId\":\"r\",\"awardType\":\"item\",\"stage\":1,\"amountMinor\":1}"));
        }

        List<HttpResponse<String>> refused = answers.stream().filter((a) -> a.statusCode() == 429).toList();
        assertThat(refused).isNotEmpty();
        assertThat(answers.stream().filter((a) -> a.statusCode() == 201).count()).isBetween(5L, 10L);
        assertThat(refused).allSatisfy((a) -> {
            assertThat(a.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(problemType(a)).endsWith("/rate-limited");
        });
        for (int i = 0; i < 20; i++) {
            assertThat(rowsFor(this.run + 700 + i)).isEqualTo((answers.get(i).statusCode() == 201) ? 1 : 0);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"actId\":%d,\"activityId\":\"gala\",\"sceneId\":\"nowhere\",\"rainId\":\"r\",\"awardType\":\"coupon\",\"stage\":1,\"amountMinor\":5}|422|unknown-scene",
            "{\"actId\":%d,\"activityId\":\"gala\",\"sceneId\":\"it-coupon\",\"rainId\":\"r\",\"awardType\":\"voucher\",\"stage\":1,\"amountMinor\":5}|422|award-type-mismatch",
            "{\"actId\":%d,\"activityId\":\"gala\",\"sceneId\":\"it-coupon\",\"rainId\":\"r\",\"awardType\":\"coupon\",\"stage\":1,\"amountMinor\":1001}|422|amount-above-limit",
            "{\"actId\":%d,\"activityId\":\"gala\",\"sceneId\":\"it-coupon\",\"rainId\":\"r\",\"awardType\":\"coupon\",\"stage\":1,\"amountMinor\":0}|400|validation",
            "{\"actId\":%d,\"activityId\":\"gala\",\"sceneId\":\"it-coupon\",\"rainId\":\"r\",\"awardType\":\"coupon\",\"stage\":1,\"amountMinor\":-5}|400|validation",
            "{\"actId\":%d,\"activityId\":\"gala\",\"sceneId\":\"it-coupon\",\"awardType\":\"coupon\",\"stage\":1,\"amountMinor\":5}|400|validation",
            "{\"actId\":%d,\"activityId\":\"gala\",\"sceneId\":\"it-coupon\",\"rainId\":\"r_2\",\"awardType\":\"coupon\",\"stage\":1,\"amountMinor\":5}|400|validation",
            "{\"actId\":%d,\"activityId\":\"gala\",\"sceneId\":\"it-coupon\",\"rainId\":\"r\",\"awardType\":\"gold\",\"stage\":1,\"amountMinor\":5}|400|validation",
            "{\"actId\":%d,\"activityId\":\"gala\",\"sceneId\":\"it-coupon\",\"rainId\":\"r\",\"awardType\":\"coupon\",\"stage\":\"x\",\"amountMinor\":5}|400|malformed-request",
            "{\"actId\":%d,\"appId\":\"app1\",\"appUserId\":\"u1\",\"activityId\":\"gala\",\"sceneId\":\"it-coupon\",\"rainId\":\"r\",\"awardType\":\"coupon\",\"stage\":1,\"amountMinor\":5}|400|validation",
            "{\"actId\":%d,\"activityId\":\"gala\",\"sceneId\":\"it-coupon\",\"rainId\":\"r\",\"awardType\":\"coupon\",\"stage\":1,\"amountMinor\":5,\"amountMinor\":500000}|400|malformed-request",
            "null|400|malformed-request" })
    void shouldRefuseBadRequestsNamingTheReasonAndWriteNothing(String template, int status, String type)
            throws Exception {
        long actId = this.run + 990;
        HttpResponse<String> response = post(template.formatted(actId));

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(problemType(response)).endsWith("/" + type);
        assertThat(rowsFor(actId)).isZero();
    }

    @Test
    void shouldRefuseAFieldTheApiDoesNotKnowAndWriteNothing() throws Exception {
        long actId = this.run + 995;
        HttpResponse<String> response = post(
                coupon(actId, "r", 10).replace("\"stage\":1", "\"stage\":1,\"bonus\":1000"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(problemType(response)).endsWith("/malformed-request");
        assertThat(this.json.readTree(response.body()).get("field").asString()).isEqualTo("bonus");
        assertThat(rowsFor(actId)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = { "1_it-coupon_r_coupon", "1_it-coupon_r_coupon_1_2", "x_it-coupon_r_coupon_1",
            "1_it-coupon_r_gold_1" })
    void shouldRefuseAMalformedOrderNumber(String orderNo) throws Exception {
        HttpResponse<String> response = get("/v1/rewards/" + orderNo);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(problemType(response)).endsWith("/invalid-order-number");
    }

    @Test
    void shouldAnswerNotFoundForAnOrderNeverIssued() throws Exception {
        assertThat(get("/v1/rewards/" + (this.run + 999) + "_it-coupon_r_coupon_1").statusCode()).isEqualTo(404);
    }

    @Test
    void shouldIssueOnlyForALineThatSignedAndOnlyInItsGrantedScenes() throws Exception {
        long actId = this.run + 501;
        String body = coupon(actId, "grants", 10);
        HttpRequest.Builder unsigned = request("/v1/rewards", body);
        HttpRequest.Builder wrongSecret = request("/v1/rewards", body).header(RequestSignature.LINE, "gala")
            .header(RequestSignature.TIMESTAMP, Long.toString(Instant.now().getEpochSecond()))
            .header(RequestSignature.NONCE, "n-" + this.run + "-wrong-secret")
            .header(RequestSignature.SIGNATURE, "v1=" + "0".repeat(64));
        // coins signs correctly, but no scene is granted to it
        HttpRequest.Builder notGranted = OrderApi.signed(request("/v1/rewards", body), "POST", "/v1/rewards", "coins",
                body);

        assertThat(send(unsigned).statusCode()).isEqualTo(401);
        assertThat(send(wrongSecret).statusCode()).isEqualTo(401);
        HttpResponse<String> refused = send(notGranted);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(problemType(refused)).endsWith("/scene-not-granted");
        assertThat(rowsFor(actId)).isZero();

        String orderNo = this.json.readTree(post(body).body()).get("orderNo").asString();
        String path = "/v1/rewards/" + orderNo;
        assertThat(send(OrderApi.signed(request(path, null), "GET", path, "coins", "")).statusCode())
            .as("a line reads only orders of its scenes")
            .isEqualTo(403);
        assertThat(get(path).statusCode()).isEqualTo(200);
    }

    /**
     * Issuance claims the request's nonce in its own write (see DeferredNonce): the same
     * signed request sent again is refused and writes nothing, for a cash packet (claimed
     * in its Lua call) and a coupon (claimed before its row).
     */
    @ParameterizedTest
    @ValueSource(strings = { "cash", "coupon" })
    void shouldRefuseTheSameSignedRequestSentAgain(String kind) throws Exception {
        long actId = this.run + 970;
        String body = kind.equals("cash")
                ? "{\"actId\":" + actId + ",\"activityId\":\"gala\",\"sceneId\":\"it-cash\","
                        + "\"rainId\":\"twice\",\"awardType\":\"cash\",\"stage\":1,\"amountMinor\":70}"
                : coupon(actId, "twice", 70);
        HttpRequest once = OrderApi.signed(request("/v1/rewards", body), "POST", "/v1/rewards", OrderApi.LINE, body)
            .build();

        HttpResponse<String> first = HttpClient.newHttpClient().send(once, HttpResponse.BodyHandlers.ofString());
        long rowsBefore = rowsFor(actId);
        HttpResponse<String> again = HttpClient.newHttpClient().send(once, HttpResponse.BodyHandlers.ofString());

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(401);
        assertThat(problemType(again)).endsWith("/request-replayed");
        assertThat(rowsFor(actId)).isEqualTo(rowsBefore);
        if (kind.equals("cash")) {
            // the packet is recorded once: the balance holds it once
            assertThat(this.api.balance(actId).get("balanceMinor").asLong()).isEqualTo(70);
        }
        // signed anew, the same order is answered as a replay
        assertThat(post(body).statusCode()).isEqualTo(200);
    }

    /**
     * A request refused before issuance claimed its nonce (here: over the scene's rate)
     * has its nonce claimed by the filter afterwards: sent again once the rate allows, it
     * is refused, not issued.
     */
    @Test
    void shouldRefuseARequestRefusedAtFirstWhenItIsSentAgainLater() throws Exception {
        HttpRequest limited = null;
        long actId = 0;
        for (int i = 0; i < 50 && limited == null; i++) {
            actId = this.run + 730 + i;
            String body = "{\"actId\":" + actId + ",\"activityId\":\"gala\",\"sceneId\":\"it-limited\","
                    + "\"rainId\":\"again\",\"awardType\":\"item\",\"stage\":1,\"amountMinor\":1}";
            HttpRequest request = OrderApi
                .signed(request("/v1/rewards", body), "POST", "/v1/rewards", OrderApi.LINE, body)
                .build();
            if (HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode() == 429) {
                limited = request;
            }
        }
        assertThat(limited).as("the scene's rate refused one of 50").isNotNull();
        Thread.sleep(1_100); // the scene's rate allows again

        HttpResponse<String> again = HttpClient.newHttpClient().send(limited, HttpResponse.BodyHandlers.ofString());

        assertThat(again.statusCode()).as(again.body()).isEqualTo(401);
        assertThat(problemType(again)).endsWith("/request-replayed");
        assertThat(rowsFor(actId)).isZero();
    }

    private HttpRequest.Builder request(String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
        return (body != null)
                ? request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                : request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private long rowsFor(long actId) {
        Long rows = this.jdbc.queryForObject("SELECT COUNT(*) FROM reward_order WHERE act_id = ?", Long.class, actId);
        return (rows != null) ? rows : 0;
    }

    private static String coupon(long actId, String rain, long amount) {
        return "{\"actId\":" + actId + ",\"activityId\":\"gala\",\"sceneId\":\"it-coupon\",\"rainId\":\"" + rain
                + "\",\"awardType\":\"coupon\",\"stage\":1,\"amountMinor\":" + amount
                + ",\"payload\":{\"template\":\"T-" + amount + "\",\"b\":[1,2]}}";
    }

    private static String tiny(long actId, long amount) {
        return "{\"actId\":" + actId + ",\"activityId\":\"gala\",\"sceneId\":\"it-tiny\",\"rainId\":\"r\","
                + "\"awardType\":\"voucher\",\"stage\":0,\"amountMinor\":" + amount + "}";
    }

    private String problemType(HttpResponse<String> response) {
        return this.api.problemType(response);
    }

    private HttpResponse<String> post(String body) throws Exception {
        return this.api.post("/v1/rewards", body);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return this.api.get(path);
    }

    @BeforeEach
    void api() {
        this.api = new OrderApi(this.port, this.json);
    }

}
