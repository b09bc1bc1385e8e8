package org.walletplatform.order.redpacket;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.walletplatform.order.OrderApi;
import org.walletplatform.order.OrderServiceTest;
import org.walletplatform.order.redpacket.RedPacketReconciler.Mismatch;
import org.walletplatform.order.redpacket.RedPacketReconciler.Report;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reconciliation on the real ledger: a consistent ledger reports nothing; an entry
 * without its order, a balance off its last entry and a packet that never settled are
 * each reported, by the minute round and the hourly totals, and gone once repaired.
 */
@OrderServiceTest
class RedPacketReconciliationIT {

    private static final long RUN = System.currentTimeMillis() % 1_000_000_000L * 1_000 + 900;

    @LocalServerPort
    private int port;

    @Autowired
    private JsonMapper json;

    @Autowired
    private RedPacketReconciler reconciler;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private StringRedisTemplate redis;

    private OrderApi api;

    @BeforeEach
    void api() {
        this.api = new OrderApi(this.port, this.json);
    }

    @Test
    void shouldReportNothingForAConsistentLedgerAndEachCorruptionUntilRepaired() throws Exception {
        long actId = RUN + 1;
        for (int i = 0; i < 3; i++) {
            assertThat(this.api.issueCash(actId, "it-cash", "rc" + i, 250).statusCode()).isEqualTo(201);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> this.api.balance(actId).get("pendingMinor").asLong() == 0);
        assertThat(this.reconciler.run("recent").mismatches()).isEmpty();
        assertThat(this.reconciler.run("totals").mismatches()).isEmpty();

        String stray = "stray-" + actId;
        String unsettled = actId + "_it-cash_never_cash_1";
        try {
            // an entry nobody issued, a balance changed behind the ledger's back, a
            // packet that never settled
            this.jdbc.update(
                    "INSERT INTO rp_entry (entry_no, act_id, kind, amount_minor, balance_after, version,"
                            + " created_at_ms) VALUES (?, ?, 'settle', 40, 790, 99, ?)",
                    stray, actId, System.currentTimeMillis());
            this.jdbc.update(
                    "UPDATE rp_account SET balance_minor = balance_minor + 1," + " updated_at_ms = ? WHERE act_id = ?",
                    System.currentTimeMillis(), actId);
            this.redis.opsForZSet().add("rp:pending:0", unsettled, System.currentTimeMillis() - 600_000);

            Report recent = this.reconciler.run("recent");
            Report totals = this.reconciler.run("totals");

            assertThat(recent.mismatches()).contains(new Mismatch("entry-without-order", stray, 40, 0),
                    new Mismatch("balance-off-ledger", Long.toString(actId), 750, 751),
                    new Mismatch("token-unsettled", unsettled, 8, 0));
            assertThat(totals.mismatches()).extracting(Mismatch::check)
                .contains("entries-vs-balances", "settled-vs-orders");
            assertThat(this.reconciler.last("recent")).isEqualTo(recent);
        }
        finally {
            this.jdbc.update("DELETE FROM rp_entry WHERE act_id = ? AND entry_no = ?", actId, stray);
            this.jdbc.update("UPDATE rp_account SET balance_minor = balance_minor - 1 WHERE act_id = ?", actId);
            this.redis.opsForZSet().remove("rp:pending:0", unsettled);
        }
        assertThat(this.reconciler.run("recent").mismatches()).isEmpty();
        assertThat(this.reconciler.run("totals").mismatches()).isEmpty();
    }

}
