package org.walletplatform.e2e;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The first complete data path, through the gateway and every real engine: a business
 * line changes a user's assets and pushes a notification; the wallet read through the
 * gateway then shows the line's new snapshot.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PushToWalletE2EIT {

    private static final long USER = 880_001;

    private final JsonMapper json = JsonMapper.builder().build();

    private Platform platform;

    @BeforeAll
    void start() {
        this.platform = Platform.shared();
    }

    @Test
    void shouldShowTheNewSnapshotThroughTheGatewayAfterAPush() {
        long version = changeAtTheLine(USER, "coins");
        pushThroughTheGateway(USER, "coins", version);

        JsonNode line = awaitLineVersion(USER, "coins", version);
        JsonNode expected = json(this.platform.get(Platform.SIMULATOR, "/lines/coins/v1/snapshots/" + USER));
        assertThat(line.get("assets")).isEqualTo(expected.get("assets"));

        long newer = changeAtTheLine(USER, "coins");
        pushThroughTheGateway(USER, "coins", newer);
        assertThat(awaitLineVersion(USER, "coins", newer).get("version").asLong()).isGreaterThan(version);
    }

    @Test
    void shouldKnowAUserWhoGainsTheirFirstAssetAndForgetThemWhenTheyLoseIt() {
        long user = 890_000_000L + System.currentTimeMillis() % 100_000_000L;
        await().atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(200))
            .until(() -> wallet(user).get("source").asString().equals("presence"));

        long version = changeAtTheLine(user, "coins");
        pushThroughTheGateway(user, "coins", version);
        awaitLineVersion(user, "coins", version);

        HttpResponse<String> emptied = this.platform.post(Platform.SIMULATOR,
                "/sim/lines/coins/users/" + user + "/empty", "");
        assertThat(json(emptied).get("pushed").asBoolean()).isTrue();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonNode wallet = wallet(user);
            return wallet.get("source").asString().equals("presence") && wallet.get("lines").isEmpty();
        });
    }

    @Test
    void shouldIssueACouponThroughTheGatewayAndDeliverItToItsDownstreamOnce() {
        long actId = 770_000_000L + System.currentTimeMillis() % 100_000_000L;
        String request = "{\"actId\":" + actId + ",\"activityId\":\"gala\",\"sceneId\":\"gala-coupon\","
                + "\"rainId\":\"r1\",\"awardType\":\"coupon\",\"stage\":1,\"amountMinor\":500}";

        HttpResponse<String> issued = this.platform.postSigned(Platform.GATEWAY, "/v1/rewards", "gala", request);
        HttpResponse<String> replayed = this.platform.postSigned(Platform.GATEWAY, "/v1/rewards", "gala", request);

        assertThat(issued.statusCode()).isEqualTo(201);
        assertThat(replayed.statusCode()).isEqualTo(200);
        String orderNo = json(issued).get("orderNo").asString();
        await().atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(200))
            .until(() -> json(this.platform.sendSigned(Platform.GATEWAY, "GET", "/v1/rewards/" + orderNo, "gala", ""))
                .get("state")
                .asString()
                .equals("delivered"));
        assertThat(this.platform.get(Platform.SIMULATOR, "/sim/downstreams/coupon/grants/" + orderNo + "/applications")
            .body()).isEqualTo("1");
    }

    @Test
    void shouldShowARedPacketInTheWalletAsTheOrderCentersLine() {
        long actId = 880_000_000L + System.currentTimeMillis() % 100_000_000L;
        HttpResponse<String> issued = this.platform.postSigned(Platform.GATEWAY, "/v1/rewards", "gala",
                "{\"actId\":" + actId + ",\"activityId\":\"gala\",\"sceneId\":\"gala-cash\",\"rainId\":\"r1\","
                        + "\"awardType\":\"cash\",\"stage\":1,\"amountMinor\":888}");
        assertThat(issued.statusCode()).isEqualTo(201);
        assertThat(json(issued).get("token").asString()).isNotBlank();

        // the order center pushes the change; the wallet pulls its snapshot and shows the
        // balance
        JsonNode[] line = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            for (JsonNode l : wallet(actId).get("lines")) {
                if (l.get("businessLine").asString().equals("redpacket")
                        && l.get("assets").get(0).get("amountMinor").asLong() == 888) {
                    line[0] = l;
                    return true;
                }
            }
            return false;
        });
        assertThat(
                json(this.platform.getAs(this.platform.userToken(actId), "/v1/accounts/me/balance")).get("balanceMinor")
                    .asLong())
            .isEqualTo(888);
    }

    @Test
    void shouldSettleEveryPacketExactlyOnceWhenTheOrderCenterIsKilledMidStream() throws Exception {
        long first = 990_000_000L + System.currentTimeMillis() % 1_000_000L * 100;
        int packets = 800;
        int accounts = 20;
        long[] expected = new long[accounts];
        java.util.function.IntFunction<String> packet = (n) -> "{\"actId\":" + (first + n % accounts)
                + ",\"activityId\":\"gala\",\"sceneId\":\"gala-cash\",\"rainId\":\"k" + n
                + "\",\"awardType\":\"cash\",\"stage\":1,\"amountMinor\":" + (1 + n % 50) + "}";
        java.util.Set<Integer> unanswered = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicInteger answered = new java.util.concurrent.atomic.AtomicInteger();
        long[] settledWhenKilled = new long[1];
        String ours = "SELECT COUNT(*) FROM TABLE WHERE act_id BETWEEN " + first + " AND " + (first + accounts - 1);
        try (java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(9)) {
            threads.submit(() -> {
                // the order center dies while packets are being issued and settled
                await().atMost(Duration.ofSeconds(60)).until(() -> answered.get() >= packets / 3);
                settledWhenKilled[0] = this.platform.overOrderShards(ours, "rp_entry");
                this.platform.killAndRestart("asset-order-service");
            });
            for (int i = 0; i < packets; i++) {
                int n = i;
                expected[n % accounts] += 1 + n % 50;
                threads.submit(() -> {
                    try {
                        int status = this.platform
                            .postSigned(Platform.ORDER_CENTER, "/v1/rewards", "gala", packet.apply(n))
                            .statusCode();
                        if (status != 201) {
                            unanswered.add(n);
                        }
                    }
                    catch (RuntimeException ex) {
                        unanswered.add(n); // no answer: the client cannot know, and
                                           // retries
                    }
                    answered.incrementAndGet();
                });
            }
        }
        // a client retries what got no answer, under the same order numbers: issued once
        // either way
        for (int n : unanswered) {
            await().atMost(Duration.ofSeconds(60))
                .ignoreExceptions()
                .until(() -> this.platform.postSigned(Platform.ORDER_CENTER, "/v1/rewards", "gala", packet.apply(n))
                    .statusCode() < 300);
        }
        // the settler resumes from its committed offsets; packets whose publication died
        // with the
        // process are published again by the republisher (after 30 s)
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            for (int a = 0; a < accounts; a++) {
                if (balance(first + a).get("pendingMinor").asLong() != 0) {
                    return false;
                }
            }
            return true;
        });

        assertThat(settledWhenKilled[0]).as("killed mid-stream").isLessThan(packets);
        assertThat(unanswered).as("some requests died with it").isNotEmpty();
        assertThat(this.platform.overOrderShards(ours, "rp_entry")).as("every packet booked once").isEqualTo(packets);
        for (int a = 0; a < accounts; a++) {
            JsonNode balance = balance(first + a);
            assertThat(balance.get("settledMinor").asLong()).isEqualTo(expected[a]);
            assertThat(balance.get("balanceMinor").asLong()).isEqualTo(expected[a]);
        }
    }

    @Test
    void shouldAnswerProblemsThroughTheGateway() {
        HttpResponse<String> badPush = this.platform.postSigned(Platform.GATEWAY, "/v1/notifications", "coins",
                "{\"userId\":\"x\",\"businessLine\":\"coins\"}");
        assertThat(badPush.statusCode()).isEqualTo(400);
        assertThat(json(badPush).get("field").asString()).isEqualTo("userId");

        HttpResponse<String> unsigned = this.platform.post(Platform.GATEWAY, "/v1/notifications",
                "{\"userId\":1,\"businessLine\":\"coins\"}");
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(json(unsigned).get("type").asString())
            .isEqualTo("https://walletplatform.org/problems/unauthenticated");

        HttpResponse<String> actuator = this.platform.get(Platform.GATEWAY, "/actuator/prometheus");
        assertThat(actuator.statusCode()).as("metrics are not served on the public port").isEqualTo(404);
        HttpResponse<String> wallet = this.platform.getAs(this.platform.userToken(USER), "/v1/wallet/me");
        assertThat(wallet.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(wallet.headers().firstValue("Strict-Transport-Security")).isPresent();

        HttpResponse<String> noRoute = this.platform.get(Platform.GATEWAY, "/v9/nothing");
        assertThat(noRoute.statusCode()).isEqualTo(404);
        assertThat(noRoute.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(noRoute.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(noRoute).get("type").asString()).isEqualTo("https://walletplatform.org/problems/not-found");
    }

    /**
     * Changes the user's assets at the simulated line without notifying, and returns the
     * line's new version.
     */
    private long changeAtTheLine(long user, String line) {
        HttpResponse<String> run = this.platform.post(Platform.SIMULATOR, "/sim/changes",
                "{\"firstUserId\":" + user + ",\"userCount\":1,\"lines\":[\"" + line
                        + "\"],\"changesPerUser\":1,\"ratePerSecond\":100,\"batchSize\":1,\"push\":false}");
        assertThat(run.statusCode()).isEqualTo(202);
        String progress = "/sim/changes/" + json(run).get("id").asLong();
        await().atMost(Duration.ofSeconds(10))
            .until(() -> json(this.platform.get(Platform.SIMULATOR, progress)).get("done").asBoolean());
        return json(this.platform.get(Platform.SIMULATOR, "/lines/" + line + "/v1/snapshots/" + user)).get("version")
            .asLong();
    }

    private void pushThroughTheGateway(long user, String line, long version) {
        HttpResponse<String> accepted = this.platform.postSigned(Platform.GATEWAY, "/v1/notifications", line,
                "{\"userId\":" + user + ",\"businessLine\":\"" + line + "\",\"version\":" + version + "}");
        assertThat(accepted.statusCode()).isEqualTo(202);
    }

    private JsonNode awaitLineVersion(long user, String line, long version) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            for (JsonNode l : wallet(user).get("lines")) {
                if (l.get("businessLine").asString().equals(line) && l.get("version").asLong() == version) {
                    found[0] = l;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    private JsonNode wallet(long user) {
        return json(this.platform.getAs(this.platform.userToken(user), "/v1/wallet/me"));
    }

    private JsonNode balance(long actId) {
        return json(this.platform.getAs(this.platform.userToken(actId), "/v1/accounts/" + actId + "/balance"));
    }

    private JsonNode json(HttpResponse<String> response) {
        return this.json.readTree(response.body());
    }

}
