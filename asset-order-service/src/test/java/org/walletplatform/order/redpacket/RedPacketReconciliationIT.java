package org.walletplatform.order.redpacket;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.walletplatform.support.switches.DegradationSwitches;
import org.walletplatform.order.OrderApi;
import org.walletplatform.order.OrderServiceTest;
import org.walletplatform.order.redpacket.RedPacketReconciler.Mismatch;
import org.walletplatform.order.redpacket.RedPacketReconciler.Report;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reconciliation on the real ledger: a consistent ledger reports nothing; an entry
 * without its order, a balance off its last entry and a packet that never settled are
 * each reported, by the minute round and the hourly totals, and gone once repaired;
 * settlements committing while a round reads are not taken for mismatches.
 */
@OrderServiceTest
class RedPacketReconciliationIT {

    /**
     * Act ids unique to this test: orders outlive test runs (and a subclass runs them
     * again).
     */
    private final long run = System.currentTimeMillis() % 1_000_000_000L * 1_000 + 900;

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

    @Autowired
    private RedPacketKeys keys;

    @Autowired
    private PlatformTransactionManager transactions;

    @Autowired
    private DegradationSwitches switches;

    private OrderApi api;

    @BeforeEach
    void api() {
        this.api = new OrderApi(this.port, this.json);
    }

    @Test
    void shouldReportNothingForAConsistentLedgerAndEachCorruptionUntilRepaired() throws Exception {
        long actId = this.run + 1;
        List<String> orderNos = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            var issued = this.api.issueCash(actId, "it-cash", "rc" + i, 250);
            assertThat(issued.statusCode()).isEqualTo(201);
            orderNos.add(this.api.body(issued).get("orderNo").asString());
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
            this.redis.opsForZSet().add(this.keys.pendingShard(0), unsettled, System.currentTimeMillis() - 600_000);
            // listed as pending and settled before its record is read: not a finding
            this.redis.opsForZSet()
                .add(this.keys.pendingShard(1), orderNos.get(0), System.currentTimeMillis() - 600_000);

            Report recent = this.reconciler.run("recent");
            Report totals = this.reconciler.run("totals");

            assertThat(recent.mismatches()).contains(new Mismatch("entry-without-order", stray, 40, 0),
                    new Mismatch("balance-off-ledger", Long.toString(actId), 750, 751),
                    new Mismatch("token-unsettled", unsettled, 8, 0));
            assertThat(recent.mismatches()).extracting(Mismatch::subject).doesNotContain(orderNos.get(0));
            assertThat(totals.mismatches()).extracting(Mismatch::check)
                .contains("entries-vs-balances", "settled-vs-orders");
            assertThat(this.reconciler.last("recent")).isEqualTo(recent);
        }
        finally {
            this.jdbc.update("DELETE FROM rp_entry WHERE act_id = ? AND entry_no = ?", actId, stray);
            this.jdbc.update("UPDATE rp_account SET balance_minor = balance_minor - 1 WHERE act_id = ?", actId);
            this.redis.opsForZSet().remove(this.keys.pendingShard(0), unsettled);
            this.redis.opsForZSet().remove(this.keys.pendingShard(1), orderNos.get(0));
        }
        assertThat(this.reconciler.run("recent").mismatches()).isEmpty();
        assertThat(this.reconciler.run("totals").mismatches()).isEmpty();
    }

    /**
     * A recent round reads what was written since the last one began (less the overlap),
     * not the whole hour again: an entry written behind that window is the hourly totals'
     * to find.
     */
    @Test
    void shouldCheckWhatWasWrittenSinceTheLastRecentRound() {
        long actId = this.run + 3;
        Report previous = this.reconciler.run("recent");
        String behind = "stray-behind-" + actId;
        String inside = "stray-inside-" + actId;
        long before = previous.ranAt().toEpochMilli() - RedPacketReconciler.OVERLAP.toMillis();
        try {
            insertStrayEntry(behind, actId, 1, before - 60_000);
            insertStrayEntry(inside, actId, 2, before + 1_000);

            assertThat(this.reconciler.run("recent").mismatches()).extracting(Mismatch::subject)
                .contains(inside)
                .doesNotContain(behind);
        }
        finally {
            this.jdbc.update("DELETE FROM rp_entry WHERE act_id = ? AND entry_no IN (?, ?)", actId, behind, inside);
        }
    }

    /**
     * Packets left pending on purpose, with settlement switched off, are not findings.
     */
    @Test
    void shouldNotReportPacketsUnsettledWhileSettlementIsSwitchedOff() {
        String unsettled = (this.run + 4) + "_it-cash_paused_cash_1";
        this.redis.opsForZSet().add(this.keys.pendingShard(0), unsettled, System.currentTimeMillis() - 600_000);
        try {
            this.switches.set(SettlementSwitch.NAME, false, "it", "peak");
            assertThat(this.reconciler.run("recent").mismatches()).extracting(Mismatch::subject)
                .doesNotContain(unsettled);
            this.switches.set(SettlementSwitch.NAME, true, "it", "peak over");
            assertThat(this.reconciler.run("recent").mismatches()).extracting(Mismatch::subject).contains(unsettled);
        }
        finally {
            this.switches.set(SettlementSwitch.NAME, true, "it", "test over");
            this.redis.opsForZSet().remove(this.keys.pendingShard(0), unsettled);
        }
    }

    private void insertStrayEntry(String entryNo, long actId, long version, long createdAtMs) {
        this.jdbc.update(
                "INSERT INTO rp_entry (entry_no, act_id, kind, amount_minor, balance_after, version,"
                        + " created_at_ms) VALUES (?, ?, 'settle', 40, 40, ?, ?)",
                entryNo, actId, version, createdAtMs);
    }

    /**
     * Ledger writes keep committing while the totals are read: a credit's entry and
     * balance commit together, so the totals must never see one without the other.
     */
    @Test
    void shouldNotReportLedgerWritesCommittedWhileTheTotalsAreRead() throws Exception {
        long actId = this.run + 2;
        long now = System.currentTimeMillis();
        this.jdbc.update("INSERT INTO rp_account (act_id, balance_minor, income_minor, version, updated_at_ms)"
                + " VALUES (?, 0, 0, 0, ?)", actId, now);
        TransactionTemplate transaction = new TransactionTemplate(this.transactions);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong credits = new AtomicLong();
        Thread writer = Thread.ofPlatform().start(() -> {
            while (!stop.get()) {
                long version = credits.get() + 1;
                transaction.executeWithoutResult((status) -> {
                    this.jdbc.update("UPDATE rp_account SET balance_minor = balance_minor + 1, version = ?,"
                            + " updated_at_ms = ? WHERE act_id = ?", version, now, actId);
                    this.jdbc.update(
                            "INSERT INTO rp_entry (entry_no, act_id, kind, amount_minor, balance_after, version,"
                                    + " created_at_ms) VALUES (?, ?, 'adjust', 1, ?, ?, ?)",
                            "adjust-" + actId + "-" + version, actId, version, version, now);
                });
                credits.incrementAndGet();
            }
        });
        try {
            List<Mismatch> reported = new ArrayList<>();
            long before = credits.get();
            for (int i = 0; i < 40; i++) {
                reported.addAll(this.reconciler.run("totals").mismatches());
            }
            // writes did commit while the totals were read (else this proves nothing)
            assertThat(credits.get() - before).isGreaterThan(40);
            assertThat(reported).isEmpty();
        }
        finally {
            stop.set(true);
            writer.join();
            this.jdbc.update("DELETE FROM rp_entry WHERE act_id = ?", actId);
            this.jdbc.update("DELETE FROM rp_account WHERE act_id = ?", actId);
        }
        assertThat(this.reconciler.run("totals").mismatches()).isEmpty();
    }

}
