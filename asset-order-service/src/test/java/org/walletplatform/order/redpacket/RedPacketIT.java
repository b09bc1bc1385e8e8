package org.walletplatform.order.redpacket;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.walletplatform.redpacket.token.RedPacketToken;
import org.walletplatform.redpacket.token.TokenSigner;
import org.junit.jupiter.api.BeforeEach;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.walletplatform.model.Topics;
import org.walletplatform.model.ProblemTypes;
import org.walletplatform.order.OrderApi;
import org.walletplatform.order.OrderServiceTest;
import org.walletplatform.order.reward.IssueOutcome;
import org.walletplatform.order.reward.RewardOrder;
import org.walletplatform.support.switches.DegradationSwitches;
import org.walletplatform.testing.RedisPause;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Cash red packets on the real engines: issuance answers a signed token and the balance
 * counts it at once; the settler books every packet exactly once through Kafka into the
 * sharded ledger, however often it is delivered; a packet whose publication was lost is
 * published again and settled.
 */
@OrderServiceTest
@RecordApplicationEvents
class RedPacketIT {

    /**
     * Act ids unique to this test, since the ledger outlives test runs: a base per test
     * (tests start milliseconds apart, and each uses fewer than 700 act ids from its
     * base), so RedPacketOnClusterIT running these tests again in the same JVM meets none
     * of their orders.
     */
    private final long run = System.currentTimeMillis() % 1_000_000_000L * 1_000 + 300;

    @LocalServerPort
    private int port;

    @Autowired
    private JsonMapper json;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private TokenSigner signer;

    @Autowired
    private PendingTokens pending;

    @Autowired
    private IssuedPackets issued;

    @Autowired
    private RedPacketKeys keys;

    @Autowired
    private PendingRepublisher republisher;

    @Autowired
    private KafkaTemplate<String, String> kafka;

    @Autowired
    private KafkaListenerEndpointRegistry listeners;

    @Autowired
    private StringRedisTemplate redis;

    @Autowired
    private Settlement settlement;

    @Autowired
    private CashRewards cashRewards;

    @Autowired
    private DegradationSwitches switches;

    @Autowired
    private SettlementBacklog backlog;

    @Autowired
    private MeterRegistry meters;

    @Autowired
    private KafkaAdmin kafkaAdmin;

    private OrderApi api;

    @BeforeEach
    void api() {
        this.api = new OrderApi(this.port, this.json);
    }

    @Test
    void shouldCountEveryPacketAtOnceAndSettleEachExactlyOnce() throws Exception {
        long actId = this.run + 1;
        SplittableRandom random = new SplittableRandom(7);
        long total = 0;
        List<String> orderNos = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            long amount = random.nextLong(1, 20_000);
            HttpResponse<String> issued = this.api.post("/v1/rewards", cash(actId, "rain-" + i, amount));
            assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
            JsonNode order = this.api.body(issued);
            RedPacketToken token = this.signer.verify(order.get("token").asString());
            assertThat(token.actId()).isEqualTo(actId);
            assertThat(token.amountMinor()).isEqualTo(amount);
            assertThat(token.outTradeNo()).isEqualTo(order.get("orderNo").asString());
            total += amount;
            orderNos.add(token.outTradeNo());
            assertThat(balance(actId).get("balanceMinor").asLong()).as("right at once").isEqualTo(total);
        }
        long expected = total;

        awaitBalance(actId, "pendingMinor", 0);

        JsonNode balance = balance(actId);
        assertThat(balance.get("balanceMinor").asLong()).isEqualTo(expected);
        assertThat(balance.get("settledMinor").asLong()).isEqualTo(expected);
        assertThat(balance.get("incomeMinor").asLong()).isEqualTo(expected);
        assertThat(count("SELECT COUNT(*) FROM rp_entry WHERE act_id = ?", actId)).isEqualTo(40);
        assertThat(count("SELECT COALESCE(SUM(amount_minor), 0) FROM rp_entry WHERE act_id = ?", actId))
            .isEqualTo(expected);
        assertThat(count("SELECT COUNT(*) FROM reward_order WHERE act_id = ? AND state = 'settled'", actId))
            .isEqualTo(40);
        JsonNode settled = this.api.body(this.api.get("/v1/rewards/" + orderNos.get(0)));
        assertThat(settled.get("state").asString()).isEqualTo("settled");
        assertThat(settled.get("token").asString()).isNotBlank();
    }

    /**
     * Concurrent issuances are recorded in Redis together, one script call per batch, and
     * each is answered as if alone: 48 packets of 16 accounts issued at once, each twice
     * (a client's retry racing its first attempt), and one signed request sent 8 times at
     * once. Every order number is issued once and its retry answered with the same token;
     * the repeated request is issued once and refused 7 times; every balance counts each
     * packet once.
     */
    @Test
    void shouldAnswerEveryIssuanceOfAConcurrentBatchAsIfAlone() throws Exception {
        DistributionSummary batches = this.meters.get("order.redpacket.recording.batch").summary();
        long batchesBefore = batches.count();
        double recordedBefore = batches.totalAmount();
        Map<Long, Long> expected = new HashMap<>();
        List<Callable<HttpResponse<String>>> issuances = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            long actId = this.run + 600 + i % 16;
            String body = cash(actId, "together-" + i, 100 + i);
            expected.merge(actId, 100L + i, Long::sum);
            issuances.add(() -> this.api.post("/v1/rewards", body));
            issuances.add(() -> this.api.post("/v1/rewards", body));
        }
        String repeated = cash(this.run + 616, "repeated", 5);
        HttpRequest once = OrderApi
            .signed(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/v1/rewards")), "POST",
                    "/v1/rewards", OrderApi.LINE, repeated)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(repeated))
            .build();
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 8; i++) {
            issuances.add(() -> http.send(once, HttpResponse.BodyHandlers.ofString()));
        }

        List<HttpResponse<String>> answers = new ArrayList<>();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<HttpResponse<String>> answer : clients.invokeAll(issuances)) {
                answers.add(answer.get());
            }
        }

        for (int i = 0; i < 48; i++) {
            HttpResponse<String> first = answers.get(2 * i);
            HttpResponse<String> retry = answers.get(2 * i + 1);
            assertThat(List.of(first.statusCode(), retry.statusCode())).as(first.body() + retry.body())
                .containsExactlyInAnyOrder(201, 200);
            assertThat(this.api.body(retry).get("token")).isEqualTo(this.api.body(first).get("token"));
        }
        List<Integer> repeatedStatuses = answers.subList(96, 104).stream().map(HttpResponse::statusCode).toList();
        assertThat(repeatedStatuses).containsOnly(201, 401).containsOnlyOnce(201);
        for (Map.Entry<Long, Long> account : expected.entrySet()) {
            assertThat(balance(account.getKey()).get("balanceMinor").asLong()).isEqualTo(account.getValue());
        }
        assertThat(balance(this.run + 616).get("balanceMinor").asLong()).isEqualTo(5);
        assertThat(batches.totalAmount() - recordedBefore).as("some batch held more than one packet")
            .isGreaterThan(batches.count() - batchesBefore);
    }

    /**
     * Redis not answering within the command timeout is a 503 to retry, never a 500; the
     * retry (signed anew, as every attempt is) issues the packet once. The timed-out call
     * was sent, and Redis runs it once unpaused: the retry may find the packet recorded
     * and answer it as a replay.
     */
    @Test
    void shouldAnswer503WhileRedisDoesNotAnswerAndIssueOnceOnTheRetry() throws Exception {
        long actId = this.run + 95;
        RedisPause.everyNode(redisNodes(), Duration.ofMillis(1_500));
        HttpResponse<String> paused = this.api.post("/v1/rewards", cash(actId, "paused", 70));

        assertThat(paused.statusCode()).as(paused.body()).isEqualTo(503);
        assertThat(paused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(paused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(this.api.problemType(paused)).isEqualTo(ProblemTypes.SERVICE_UNAVAILABLE.toString());
        HttpResponse<String> retried = await().atMost(Duration.ofSeconds(10))
            .until(() -> this.api.post("/v1/rewards", cash(actId, "paused", 70)), (r) -> r.statusCode() != 503);
        assertThat(retried.statusCode()).as(retried.body()).isIn(200, 201);
        assertThat(balance(actId).get("balanceMinor").asLong()).isEqualTo(70);
    }

    @Test
    void shouldAnswerARetryWithTheSameTokenAndSettleARedeliveredPacketOnce() throws Exception {
        long actId = this.run + 2;
        HttpResponse<String> first = this.api.post("/v1/rewards", cash(actId, "r", 500));
        HttpResponse<String> again = this.api.post("/v1/rewards", cash(actId, "r", 500));
        HttpResponse<String> other = this.api.post("/v1/rewards", cash(actId, "r", 501));

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(this.api.body(again).get("token")).isEqualTo(this.api.body(first).get("token"));
        assertThat(this.api.body(again).get("replay").asBoolean()).isTrue();
        assertThat(other.statusCode()).isEqualTo(409);
        String orderNo = this.api.body(first).get("orderNo").asString();
        awaitBalance(actId, "pendingMinor", 0);

        // the broker delivers it again (a consumer crashed before committing, say)
        TokenRecord record = this.pending.find(orderNo).orElseThrow();
        this.kafka.send(Topics.REDPACKET_SETTLEMENTS, Long.toString(actId), record.encode()).get();
        this.kafka.send(Topics.REDPACKET_SETTLEMENTS, Long.toString(actId), record.encode()).get();
        HttpResponse<String> marker = this.api.post("/v1/rewards", cash(actId, "after", 7));
        assertThat(marker.statusCode()).isEqualTo(201);
        awaitBalance(actId, "pendingMinor", 0);

        assertThat(balance(actId).get("balanceMinor").asLong()).isEqualTo(507);
        assertThat(count("SELECT COUNT(*) FROM rp_entry WHERE act_id = ?", actId)).isEqualTo(2);
    }

    @Test
    void shouldSettleAPacketWhosePublicationWasLost() throws Exception {
        long actId = this.run + 3;
        String orderNo = actId + "_it-cash_lost_cash_1";
        RedPacketToken token = new RedPacketToken(this.signer.signingKeyId(), "", actId, "gala", "it-cash", 900,
                orderNo, System.currentTimeMillis() - 60_000, "lost", RedPacketToken.CREATED);
        TokenRecord record = new TokenRecord(RedPacketToken.CREATED, "0".repeat(64), "lessee-lost", "production",
                this.signer.sign(token), "{}", token);
        // pending, never published
        assertThat(this.issued.issue(record, token.openTimeMs())).isEmpty();
        assertThat(balance(actId).get("pendingMinor").asLong()).isEqualTo(900);

        this.republisher.republishStalePackets();

        awaitBalance(actId, "settledMinor", 900);
        assertThat(balance(actId).get("pendingMinor").asLong()).isZero();
        assertThat(this.pending.find(orderNo).orElseThrow().status()).isEqualTo(RedPacketToken.SUCCESS);
    }

    @Test
    void shouldServeTheBalanceAsABusinessLineSnapshotWhoseVersionGrowsWithEveryChange() throws Exception {
        long actId = this.run + 8;
        JsonNode unknown = this.api.body(this.api.get("/lines/redpacket/v1/snapshots/" + actId));
        assertThat(unknown.get("version").asLong()).isZero();
        assertThat(unknown.get("assets")).isEmpty();

        List<Long> versions = new ArrayList<>();
        MessageListenerContainer settler = this.listeners.getListenerContainer("redpacket-settler");
        settler.stop();
        try {
            for (int i = 0; i < 3; i++) {
                this.api.post("/v1/rewards", cash(actId, "v" + i, 100));
                versions
                    .add(this.api.body(this.api.get("/lines/redpacket/v1/snapshots/" + actId)).get("version").asLong());
            }
        }
        finally {
            settler.start();
        }
        awaitBalance(actId, "pendingMinor", 0);
        JsonNode settled = this.api.body(this.api.get("/lines/redpacket/v1/snapshots/" + actId));
        versions.add(settled.get("version").asLong());

        assertThat(versions).isSorted().doesNotHaveDuplicates();
        assertThat(settled.get("businessLine").asString()).isEqualTo("redpacket");
        assertThat(settled.get("assets").get(0).get("amountMinor").asLong()).isEqualTo(300);
    }

    @Test
    void shouldServeManyBalancesInOneBatchCallAsTheSingleCallsDo() throws Exception {
        long settledActId = this.run + 9;
        long pendingActId = this.run + 10;
        long untouchedActId = this.run + 11;
        this.api.post("/v1/rewards", cash(settledActId, "b1", 250));
        awaitBalance(settledActId, "settledMinor", 250);
        MessageListenerContainer settler = this.listeners.getListenerContainer("redpacket-settler");
        settler.stop();
        JsonNode batch;
        List<JsonNode> singles = new ArrayList<>();
        try {
            this.api.post("/v1/rewards", cash(pendingActId, "b2", 70));
            this.redis.opsForHash().delete(this.keys.account(settledActId), "s", "i", "v"); // from
                                                                                            // the
                                                                                            // ledger
            batch = this.api.body(this.api.post("/lines/redpacket/v1/snapshots:batch", "{\"userIds\": [%d, %d, %d, %d]}"
                .formatted(settledActId, pendingActId, untouchedActId, settledActId)));
            for (long actId : List.of(settledActId, pendingActId, untouchedActId)) {
                singles.add(this.api.body(this.api.get("/lines/redpacket/v1/snapshots/" + actId)));
            }
        }
        finally {
            settler.start();
        }

        assertThat(batch.get("snapshots")).containsExactlyInAnyOrderElementsOf(singles);
        assertThat(singles.get(0).get("assets").get(0).get("amountMinor").asLong()).isEqualTo(250);
        assertThat(singles.get(1).get("assets").get(0).get("amountMinor").asLong()).isEqualTo(70);
        assertThat(singles.get(2).get("assets")).isEmpty();
    }

    /**
     * A replay tells the wallet again: the first attempt may have recorded the packet and
     * failed before telling it. (Called in the test's thread, where events are recorded.)
     */
    @Test
    void shouldTellTheWalletOfTheAccountOnAReplayToo(ApplicationEvents events) throws Exception {
        long actId = this.run + 15;
        TokenRecord first = issuedRecord(actId, "replayed", 30);
        events.clear();

        IssueOutcome replay = this.cashRewards.issue(first.toOrder(RewardOrder.ACCEPTED), first.requestHash(),
                first.lessee(), null);

        assertThat(replay.isNew()).isFalse();
        assertThat(events.stream(AccountChanged.class)).containsExactly(new AccountChanged(actId));
        assertThat(balance(actId).get("balanceMinor").asLong()).isEqualTo(30);
    }

    @Test
    void shouldTellTheWalletOfASettlementOnlyWhenItChangesTheBalance(ApplicationEvents events) throws Exception {
        long pendingActId = this.run + 12;
        long lostActId = this.run + 13;
        MessageListenerContainer settler = this.listeners.getListenerContainer("redpacket-settler");
        settler.stop();
        try {
            TokenRecord pendingPacket = issuedRecord(pendingActId, "n1", 40);
            TokenRecord lostPacket = issuedRecord(lostActId, "n2", 60);
            wipeRedisRecordsOf(lostActId, List.of(lostPacket.signedToken()));
            events.clear();

            this.settlement.settle(List.of(pendingPacket, lostPacket));

            // the pending packet moved within its balance; the lost one added to its
            // balance
            assertThat(events.stream(AccountChanged.class)).containsExactly(new AccountChanged(lostActId));
            assertThat(balance(pendingActId).get("balanceMinor").asLong()).isEqualTo(40);
            assertThat(balance(lostActId).get("balanceMinor").asLong()).isEqualTo(60);
        }
        finally {
            settler.start();
        }
    }

    @Test
    void shouldLeaveTheShardConnectionsReadCommittedAfterSettling() throws Exception {
        long actId = this.run + 14;
        MessageListenerContainer settler = this.listeners.getListenerContainer("redpacket-settler");
        settler.stop();
        try {
            this.settlement.settle(List.of(issuedRecord(actId, "i1", 5)));
        }
        finally {
            settler.start();
        }
        // the pool hands this thread the connection it settled with; the query is routed
        // to
        // the account's shard, whose connection ran the transaction
        assertThat(
                this.jdbc.queryForList("SELECT @@tx_isolation FROM rp_account WHERE act_id = ?", String.class, actId))
            .containsExactly("READ-COMMITTED");
    }

    private TokenRecord issuedRecord(long actId, String rain, long amount) throws Exception {
        String orderNo = this.api.body(this.api.post("/v1/rewards", cash(actId, rain, amount)))
            .get("orderNo")
            .asString();
        return this.pending.find(orderNo).orElseThrow();
    }

    @Test
    void shouldRefuseABatchCallOfTooManyOrInvalidIds() throws Exception {
        String tooMany = "{\"userIds\": [" + String.join(",", Collections.nCopies(101, "7")) + "]}";
        for (String body : List.of(tooMany, "{\"userIds\": [7, 0]}", "{\"userIds\": [7, null]}", "{}",
                "{\"userIds\": [\"x\"]}")) {
            HttpResponse<String> refused = this.api.post("/lines/redpacket/v1/snapshots:batch", body);
            assertThat(refused.statusCode()).as(body).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
    }

    @Test
    void shouldKeepATestPhasePacketAwayFromTheBalance() throws Exception {
        long actId = this.run + 4;
        HttpResponse<String> issued = this.api.post("/v1/rewards",
                cash(actId, "r", 300).replace("\"gala\"", "\"it-testing\""));

        assertThat(issued.statusCode()).isEqualTo(201);
        assertThat(this.api.body(issued).has("token")).isFalse();
        assertThat(balance(actId).get("balanceMinor").asLong()).isZero();
        assertThat(count("SELECT COUNT(*) FROM rp_entry WHERE act_id = ?", actId)).isZero();
    }

    @Test
    void shouldRestoreTheBalanceExactlyFromTokensTheClientPresentsAfterRedisLostThem() throws Exception {
        long actId = this.run + 5;
        MessageListenerContainer settler = this.listeners.getListenerContainer("redpacket-settler");
        settler.stop(); // the packets stay pending
        List<String> tokens = new ArrayList<>();
        long total = 0;
        try {
            for (int i = 0; i < 20; i++) {
                long amount = 100 + i;
                tokens.add(this.api.body(this.api.post("/v1/rewards", cash(actId, "w" + i, amount)))
                    .get("token")
                    .asString());
                total += amount;
            }
            assertThat(balance(actId).get("balanceMinor").asLong()).isEqualTo(total);

            wipeRedisRecordsOf(actId, tokens);
            assertThat(balance(actId).get("balanceMinor").asLong()).as("lost").isZero();

            for (String token : tokens) {
                assertThat(present(actId, token).statusCode()).isEqualTo(201);
            }
            assertThat(balance(actId).get("balanceMinor").asLong()).as("restored at once").isEqualTo(total);
            assertThat(present(actId, tokens.get(0)).statusCode()).as("held already").isEqualTo(200);
        }
        finally {
            settler.start();
        }
        long expected = total;
        // the original publications and the restored ones both arrive: each packet
        // settles once
        awaitBalance(actId, "settledMinor", expected);
        awaitBalance(actId, "pendingMinor", 0);
        assertThat(balance(actId).get("balanceMinor").asLong()).isEqualTo(expected);
        assertThat(count("SELECT COUNT(*) FROM rp_entry WHERE act_id = ?", actId)).isEqualTo(20);
    }

    @Test
    void shouldRefuseEveryForgedTamperedForeignReplayedOrExpiredTokenAndChangeNothing() throws Exception {
        long actId = this.run + 6;
        long other = this.run + 7;
        String settledToken = this.api.body(this.api.post("/v1/rewards", cash(actId, "real", 1_000)))
            .get("token")
            .asString();
        String othersToken = this.api.body(this.api.post("/v1/rewards", cash(other, "real", 2_000)))
            .get("token")
            .asString();
        awaitBalance(actId, "settledMinor", 1_000);
        awaitBalance(other, "settledMinor", 2_000);
        String zeros = java.util.Base64.getEncoder().encodeToString(new byte[32]);
        TokenSigner forger = new TokenSigner(this.signer.signingKeyId(),
                java.util.Map.of(this.signer.signingKeyId(), new TokenSigner.Key(zeros, null)));
        TokenSigner stranger = new TokenSigner("k-unknown",
                java.util.Map.of("k-unknown", new TokenSigner.Key(zeros, null)));
        SplittableRandom random = new SplittableRandom(1_000);
        java.util.Map<String, Integer> refusedByType = new java.util.TreeMap<>();

        for (int i = 0; i < 1_000; i++) {
            RedPacketToken fresh = new RedPacketToken(this.signer.signingKeyId(), "", actId, "gala", "it-cash",
                    random.nextLong(1, 20_000), actId + "_it-cash_f" + i + "_cash_1", System.currentTimeMillis(),
                    "f" + i, RedPacketToken.CREATED);
            String presented = switch (i % 7) {
                case 0 -> forger.sign(fresh); // forged: signed with a key not the
                                              // platform's
                case 1 -> tamper(this.signer.sign(fresh), random); // altered after
                                                                   // signing
                case 2 -> stranger.sign(new RedPacketToken("k-unknown", "", actId, "gala", "it-cash", 5,
                        fresh.outTradeNo(), fresh.openTimeMs(), fresh.rainId(), 1));
                case 3 -> garbage(random);
                case 4 -> othersToken; // another account's token
                case 5 -> settledToken; // replayed
                default -> this.signer.sign(new RedPacketToken(this.signer.signingKeyId(), "", actId, "gala", "it-cash",
                        5, fresh.outTradeNo(), System.currentTimeMillis() - Duration.ofDays(40).toMillis(),
                        fresh.rainId(), 1)); // expired
            };
            HttpResponse<String> answer = present(actId, presented);
            assertThat(answer.statusCode()).as("%d: %s", i, answer.body()).isBetween(400, 499);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            refusedByType.merge(this.api.problemType(answer).replaceAll(".*/", ""), 1, Integer::sum);
        }

        assertThat(refusedByType).containsOnlyKeys("token-bad-signature", "token-unknown-key", "token-malformed",
                "token-foreign-account", "token-replayed", "token-expired");
        assertThat(refusedByType.get("token-foreign-account")).isEqualTo(143);
        assertThat(refusedByType.get("token-replayed")).isEqualTo(143);
        assertThat(refusedByType.get("token-expired")).isEqualTo(142);
        assertThat(balance(actId).get("balanceMinor").asLong()).isEqualTo(1_000);
        assertThat(balance(actId).get("pendingMinor").asLong()).isZero();
        assertThat(count("SELECT COUNT(*) FROM rp_entry WHERE act_id = ?", actId)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM reward_order WHERE act_id = ?", actId)).isEqualTo(1);
    }

    /**
     * The Redis nodes the service under test uses (RedPacketOnClusterIT: its Cluster's).
     */
    List<String> redisNodes() {
        return List.of("127.0.0.1:6379");
    }

    private static String tamper(String signed, SplittableRandom random) {
        int dot = signed.indexOf('.');
        String payload = new String(java.util.Base64.getUrlDecoder().decode(signed.substring(0, dot)),
                java.nio.charset.StandardCharsets.UTF_8);
        String altered = payload.replaceFirst("\"amount\":\\d+", "\"amount\":" + random.nextLong(20_000, 99_999));
        return java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(altered.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + signed.substring(dot);
    }

    private static String garbage(SplittableRandom random) {
        byte[] bytes = new byte[random.nextInt(1, 300)];
        random.nextBytes(bytes);
        String text = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return switch (random.nextInt(3)) {
            case 0 -> text;
            case 1 -> text.substring(0, text.length() / 2) + "." + text.substring(text.length() / 2);
            default -> "{\"kid\":\"" + text + "\"}." + text;
        };
    }

    private HttpResponse<String> present(long actId, String token) throws Exception {
        return this.api.post("/v1/accounts/" + actId + "/tokens",
                this.json.writeValueAsString(java.util.Map.of("token", token)));
    }

    private void wipeRedisRecordsOf(long actId, List<String> tokens) {
        for (String token : tokens) {
            String orderNo = this.signer.verify(token).outTradeNo();
            this.redis.delete(this.keys.token(orderNo));
            this.redis.opsForZSet().remove(this.keys.pending(actId), orderNo);
        }
        this.redis.delete(this.keys.account(actId));
    }

    @Test
    void shouldLeavePacketsPendingWhileSettlementIsSwitchedOffAndSettleThemOnceOn() throws Exception {
        long actId = this.run + 40;
        MessageListenerContainer settler = this.listeners.getListenerContainer(Settler.ID);
        long total = 0;
        this.switches.set(SettlementSwitch.NAME, false, "it", "peak");
        try {
            await().atMost(Duration.ofSeconds(10)).until(settler::isPauseRequested);
            for (int i = 0; i < 10; i++) {
                assertThat(this.api.post("/v1/rewards", cash(actId, "off-" + i, 100 + i)).statusCode()).isEqualTo(201);
                total += 100 + i;
            }
            long issued = total;
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> {
                JsonNode balance = balance(actId);
                return balance.get("pendingMinor").asLong() == issued && balance.get("settledMinor").asLong() == 0;
            });
            assertThat(count("SELECT COUNT(*) FROM rp_entry WHERE act_id = ?", actId)).isZero();
            assertThat(this.backlog.consumedBefore(System.currentTimeMillis()))
                .as("the packets wait in Kafka: not to be published again")
                .isFalse();
        }
        finally {
            this.switches.set(SettlementSwitch.NAME, true, "it", "peak over");
        }
        long issued = total;
        awaitBalance(actId, "settledMinor", issued);
        long settledBy = System.currentTimeMillis();
        await().atMost(Duration.ofSeconds(10)).until(() -> this.backlog.consumedBefore(settledBy));
        assertThat(balance(actId).get("pendingMinor").asLong()).isZero();
        assertThat(count("SELECT COUNT(*) FROM rp_entry WHERE act_id = ?", actId)).isEqualTo(10);
        assertThat(settler.isPauseRequested()).isFalse();
    }

    /**
     * Waits for a field of the account's balance to reach {@code expected}; past 30 s,
     * fails saying where settlement stood ({@link SettlerDiagnostics}).
     */
    private void awaitBalance(long actId, String field, long expected) {
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> balance(actId).get(field).asLong() == expected);
        }
        catch (ConditionTimeoutException ex) {
            throw new AssertionError(
                    "%s of account %d not %d within 30 s: %s".formatted(field, actId, expected, SettlerDiagnostics
                        .describe(actId, this.listeners.getListenerContainer(Settler.ID), this.kafkaAdmin)),
                    ex);
        }
    }

    private JsonNode balance(long actId) throws Exception {
        HttpResponse<String> response = this.api.get("/v1/accounts/" + actId + "/balance");
        assertThat(response.statusCode()).isEqualTo(200);
        return this.api.body(response);
    }

    private long count(String sql, long actId) {
        Long value = this.jdbc.queryForObject(sql, Long.class, actId);
        return (value != null) ? value : 0;
    }

    private static String cash(long actId, String rain, long amount) {
        return "{\"actId\":" + actId + ",\"activityId\":\"gala\",\"sceneId\":\"it-cash\",\"rainId\":\"" + rain
                + "\",\"awardType\":\"cash\",\"stage\":1,\"amountMinor\":" + amount + "}";
    }

}
