package org.walletplatform.order.withdrawal;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.walletplatform.order.ExternalSystemsTest;
import org.walletplatform.order.OrderApi;
import org.walletplatform.order.delivery.StubDownstream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Withdrawals on the real engines against a stub payment downstream: racing withdrawals
 * never take the balance below zero and pay out exactly what they debit, and wait for
 * their account's turn before they take a database connection; a refused payment puts the
 * money back; an unknown outcome is resolved by the janitor; bad input changes nothing.
 */
class WithdrawalIT extends ExternalSystemsTest {

    /** Act ids unique to this run: the ledger outlives test runs. */
    private static final long RUN = System.currentTimeMillis() % 1_000_000_000L * 1_000 + 600;

    @LocalServerPort
    private int port;

    @Autowired
    private JsonMapper json;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private AccountTurns turns;

    private OrderApi api;

    @BeforeEach
    void api() {
        this.api = new OrderApi(this.port, this.json);
    }

    @Test
    void shouldNeverGoBelowZeroAndPayExactlyWhatIsDebitedWhen32WithdrawalsRace() throws Exception {
        long actId = RUN + 1;
        for (int i = 0; i < 10; i++) {
            fund(actId, "p" + i, 1_000); // pending until the withdrawals settle them
        }
        long paidBefore = PAYMENTS.appliedAmount();
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(32)) {
            for (int i = 0; i < 32; i++) {
                String no = "race-" + i;
                answers.add(threads.submit(() -> OrderApi.retryingOn503(() -> withdraw(actId, no, 700))));
            }
        }
        int paid = 0;
        for (Future<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get();
            if (response.statusCode() == 201) {
                assertThat(this.api.body(response).get("state").asString()).isEqualTo("paid");
                paid++;
            }
            else if (response.statusCode() == 200) {
                // a retry after a 503 that came once the first attempt had debited the
                // account (a store timed out after the debit, on a busy box): answered as
                // that attempt, which the janitor pays out
                JsonNode replay = this.api.body(response);
                assertThat(replay.get("replay").asBoolean()).isTrue();
                String no = replay.get("withdrawalNo").asString();
                await().atMost(Duration.ofSeconds(30)).until(() -> state(actId, no).equals("paid"));
                paid++;
            }
            else {
                assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
                assertThat(this.api.problemType(response)).endsWith("/insufficient-funds");
            }
        }

        assertThat(paid).isEqualTo(14); // 10,000 holds 14 x 700
        JsonNode balance = balance(actId);
        assertThat(balance.get("balanceMinor").asLong()).isEqualTo(10_000 - 14 * 700);
        assertThat(balance.get("pendingMinor").asLong()).isZero();
        assertThat(sum("SELECT COALESCE(SUM(amount_minor), 0) FROM rp_entry WHERE act_id = ? AND kind = 'withdraw'",
                actId))
            .isEqualTo(-14 * 700);
        assertThat(PAYMENTS.appliedAmount() - paidBefore).as("paid out = debited").isEqualTo(14 * 700);
        assertThat(sum("SELECT MIN(balance_after) FROM rp_entry WHERE act_id = ?", actId)).isNotNegative();
    }

    @Test
    void shouldWaitForTheAccountsTurnBeforeTouchingTheDatabase() throws Exception {
        long actId = RUN + 6;
        fund(actId, "p", 1_000);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            threads.submit(() -> this.turns.inTurn(actId, () -> { // as another withdrawal
                                                                  // would
                holding.countDown();
                return waitFor(release);
            }));
            holding.await();
            Future<HttpResponse<String>> waiting = threads.submit(() -> withdraw(actId, "queued", 400));

            Thread.sleep(500);
            assertThat(waiting).isNotDone();
            assertThat(sum("SELECT COUNT(*) FROM withdrawal WHERE act_id = ?", actId)).isZero();

            release.countDown();
            assertThat(waiting.get().statusCode()).isEqualTo(201);
        }
        assertThat(balance(actId).get("balanceMinor").asLong()).isEqualTo(600);
    }

    @Test
    void shouldPutTheMoneyBackWhenThePaymentIsRefused() throws Exception {
        long actId = RUN + 2;
        fund(actId, "p", 5_000);
        PAYMENTS.behave(actId + "-refused", StubDownstream.Behaviour.REFUSE);

        HttpResponse<String> answer = withdraw(actId, "refused", 3_000);

        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(this.api.body(answer).get("state").asString()).isEqualTo("refunded");
        assertThat(balance(actId).get("balanceMinor").asLong()).isEqualTo(5_000);
        assertThat(sum("SELECT COUNT(*) FROM rp_entry WHERE act_id = ? AND kind IN ('withdraw', 'refund')", actId))
            .isEqualTo(2);
    }

    @Test
    void shouldResolveAnUnknownPaymentOutcomeThroughTheJanitor() throws Exception {
        long actId = RUN + 3;
        fund(actId, "p", 5_000);
        PAYMENTS.behave(actId + "-lost", StubDownstream.Behaviour.LOST_REPLY);

        HttpResponse<String> answer = withdraw(actId, "lost", 1_000);

        assertThat(this.api.body(answer).get("state").asString()).isEqualTo("paying");
        await().atMost(Duration.ofSeconds(20)).until(() -> "paid".equals(state(actId, "lost")));
        assertThat(PAYMENTS.applications(actId + "-lost")).isEqualTo(1);
        assertThat(balance(actId).get("balanceMinor").asLong()).isEqualTo(4_000);
    }

    @Test
    void shouldRefuseBadWithdrawalsAndChangeNothing() throws Exception {
        long actId = RUN + 4;
        fund(actId, "p", 2_000);
        assertThat(withdraw(actId, "ok", 500).statusCode()).isEqualTo(201);

        HttpResponse<String> tooMuch = withdraw(actId, "big", 1_501);
        HttpResponse<String> negative = withdraw(actId, "neg", -5);
        HttpResponse<String> same = withdraw(actId, "ok", 500);
        HttpResponse<String> other = withdraw(actId, "ok", 600);
        HttpResponse<String> xml = this.api.send("POST", "/v1/withdrawals", "application/xml", "application/json",
                "<w><actId>" + actId + "</actId><withdrawalNo>xml</withdrawalNo><amountMinor>5</amountMinor></w>");
        HttpResponse<String> yaml = this.api.send("POST", "/v1/withdrawals", "application/yaml", "application/json",
                "actId: " + actId + "\nwithdrawalNo: yaml\namountMinor: 5\n");

        assertThat(tooMuch.statusCode()).isEqualTo(422);
        assertThat(this.api.problemType(tooMuch)).endsWith("/insufficient-funds");
        assertThat(negative.statusCode()).isEqualTo(400);
        assertThat(same.statusCode()).isEqualTo(200);
        assertThat(this.api.body(same).get("replay").asBoolean()).isTrue();
        assertThat(other.statusCode()).isEqualTo(409);
        assertThat(this.api.problemType(other)).endsWith("/withdrawal-conflict");
        // JSON only: other formats are neither read nor written
        assertThat(xml.statusCode()).isEqualTo(415);
        assertThat(yaml.statusCode()).isEqualTo(415);
        // a JSON body under a type no endpoint reads, which Spring MVC failed on (500)
        for (String type : List.of("*/*", "*", "application/*+json", "multipart/form-data; boundary=x",
                "multipart/mixed; boundary=x")) {
            HttpResponse<String> odd = this.api.send("POST", "/v1/withdrawals", type, "application/json",
                    "{\"actId\":" + actId + ",\"withdrawalNo\":\"odd\",\"amountMinor\":5}");
            assertThat(odd.statusCode()).as(type).isEqualTo(415);
            assertThat(this.api.problemType(odd)).endsWith("/unsupported-media-type");
        }
        for (String format : List.of("application/xml", "text/xml", "application/yaml")) {
            assertThat(this.api.send("GET", "/v1/accounts/" + actId + "/balance", "application/json", format, "")
                .statusCode()).as(format).isEqualTo(406);
        }
        assertThat(balance(actId).get("balanceMinor").asLong()).isEqualTo(1_500);
        assertThat(sum("SELECT COUNT(*) FROM withdrawal WHERE act_id = ?", actId)).isEqualTo(1);
        assertThat(sum("SELECT COUNT(*) FROM rp_entry WHERE act_id = ? AND kind = 'withdraw'", actId)).isEqualTo(1);
    }

    @Test
    void shouldAnswer429WithRetryAfterPastTheAccountsLimit() throws Exception {
        long actId = RUN + 5;
        for (int i = 0; i < 40; i++) {
            // nothing to withdraw
            assertThat(withdraw(actId, "l" + i, 1).statusCode()).isEqualTo(422);
        }
        HttpResponse<String> limited = withdraw(actId, "l40", 1);

        assertThat(limited.statusCode()).isEqualTo(429);
        // when the first of the 40 leaves the minute
        assertThat(limited.headers().firstValue("Retry-After").map(Long::parseLong))
            .hasValueSatisfying((seconds) -> assertThat(seconds).isBetween(1L, 60L));
        assertThat(this.api.problemType(limited)).endsWith("/rate-limited");
    }

    private void fund(long actId, String rain, long amount) throws Exception {
        HttpResponse<String> issued = this.api.issueCash(actId, "wd-cash", rain, amount);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
    }

    private HttpResponse<String> withdraw(long actId, String no, long amount) throws Exception {
        return this.api.withdraw(actId, no, amount);
    }

    private String state(long actId, String no) throws Exception {
        return this.api.body(this.api.get("/v1/accounts/" + actId + "/withdrawals/" + no)).get("state").asString();
    }

    private JsonNode balance(long actId) throws Exception {
        return this.api.balance(actId);
    }

    private static boolean waitFor(CountDownLatch latch) {
        try {
            return latch.await(20, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private long sum(String sql, long actId) {
        Long value = this.jdbc.queryForObject(sql, Long.class, actId);
        return (value != null) ? value : 0;
    }

}
