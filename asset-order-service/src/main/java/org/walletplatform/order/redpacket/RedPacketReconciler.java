package org.walletplatform.order.redpacket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.walletplatform.redpacket.token.RedPacketToken;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Red-packet reconciliation: issued tokens against settled entries against withdrawals
 * against the accounts and the budgets. Every minute (near-real-time) it checks what was
 * written since the last such round (indexed reads, so the cost follows the minute's
 * writes, not the ledger's size) and what must have settled by now; every hour it checks
 * the totals of everything. Each round's findings are kept in Redis for the admin
 * endpoint and counted in {@code order.redpacket.reconciliation.mismatches{scope}} (an
 * alert fires while it stays above zero: ops/prometheus/alerts.yml).
 */
@Component
class RedPacketReconciler {

    private static final Logger log = LoggerFactory.getLogger(RedPacketReconciler.class);

    /** A packet still pending this long after its issue should have settled. */
    static final Duration SETTLE_WITHIN = Duration.ofMinutes(5);

    /**
     * A recent round reads what was written since the last one began, less this much: a
     * ledger transaction commits its rows well within it after stamping them.
     */
    static final Duration OVERLAP = Duration.ofMinutes(2);

    private final JdbcTemplate jdbc;

    private final PendingTokens pending;

    private final PendingIndex index;

    private final StringRedisTemplate redis;

    private final JsonMapper json;

    private final Clock clock;

    private final Map<String, AtomicInteger> mismatches = new ConcurrentHashMap<>();

    private final MeterRegistry meters;

    private final String instance = UUID.randomUUID().toString();

    private final SettlementSwitch settlement;

    RedPacketReconciler(JdbcTemplate jdbc, PendingTokens pending, PendingIndex index, StringRedisTemplate redis,
            JsonMapper json, Clock clock, MeterRegistry meters, SettlementSwitch settlement) {
        this.index = index;
        this.settlement = settlement;
        this.jdbc = jdbc;
        this.pending = pending;
        this.redis = redis;
        this.json = json;
        this.clock = clock;
        this.meters = meters;
    }

    /** One finding: what does not add up, and the figures on each side. */
    record Mismatch(String check, String subject, long expected, long actual) {

    }

    /** A round's findings. */
    record Report(String scope, Instant ranAt, List<Mismatch> mismatches) {

    }

    @Scheduled(initialDelayString = "${order.redpacket.reconcile-recent-every:60s}",
            fixedDelayString = "${order.redpacket.reconcile-recent-every:60s}")
    void recentIfDue() {
        runIfDue("recent", Duration.ofSeconds(50));
    }

    @Scheduled(initialDelayString = "${order.redpacket.reconcile-totals-every:1h}",
            fixedDelayString = "${order.redpacket.reconcile-totals-every:1h}")
    void totalsIfDue() {
        runIfDue("totals", Duration.ofMinutes(50));
    }

    private void runIfDue(String scope, Duration lock) {
        try {
            if (Boolean.TRUE.equals(
                    this.redis.opsForValue().setIfAbsent("order:redpacket:reconciler:" + scope, this.instance, lock))) {
                run(scope);
            }
        }
        catch (RuntimeException ex) {
            log.warn("Red-packet reconciliation ({}) failed; the next round tries again: {}", scope, ex.toString());
        }
    }

    /**
     * Runs one round: {@code recent} (entries and accounts written since the last recent
     * round, at most the last hour's) or {@code totals}.
     */
    Report run(String scope) {
        long now = this.clock.millis();
        List<Mismatch> found = new ArrayList<>();
        long since = "totals".equals(scope) ? 0 : recentSince(now);
        unsettledPackets(now, found);
        entriesWithoutTheirOrder(since, found);
        accountsOffTheirLastEntry(since, found);
        if ("totals".equals(scope)) {
            totals(found);
        }
        Report report = new Report(scope, Instant.ofEpochMilli(now), found);
        this.mismatches
            .computeIfAbsent(scope,
                    (s) -> this.meters.gauge("order.redpacket.reconciliation.mismatches",
                            List.of(io.micrometer.core.instrument.Tag.of("scope", s)), new AtomicInteger()))
            .set(found.size());
        if (!found.isEmpty()) {
            log.error("Red-packet reconciliation ({}) found mismatches: {}", scope, found);
        }
        this.redis.opsForValue().set("order:redpacket:reconciliation:" + scope, this.json.writeValueAsString(report));
        return report;
    }

    private long recentSince(long now) {
        long hourAgo = now - Duration.ofHours(1).toMillis();
        Report last = last("recent");
        return (last != null) ? Math.max(hourAgo, last.ranAt().toEpochMilli() - OVERLAP.toMillis()) : hourAgo;
    }

    /** The last report of {@code scope} any instance stored. */
    Report last(String scope) {
        String stored = this.redis.opsForValue().get("order:redpacket:reconciliation:" + scope);
        return (stored != null) ? this.json.readValue(stored, Report.class) : null;
    }

    /**
     * Issued tokens that should have settled by now; none while settlement is switched
     * off (they wait on purpose).
     */
    private void unsettledPackets(long now, List<Mismatch> found) {
        if (!this.settlement.isOn()) {
            return;
        }
        long before = now - SETTLE_WITHIN.toMillis();
        for (String orderNo : this.index.pendingSince(before, 100)) {
            int status = this.pending.find(orderNo).map(TokenRecord::status).orElse(0);
            if (status != RedPacketToken.SUCCESS) { // else settled since it was listed
                found.add(new Mismatch("token-unsettled", orderNo, RedPacketToken.SUCCESS, status));
            }
        }
    }

    /**
     * Settlement entries whose order is missing or of another amount (same shard: a
     * binding join).
     */
    private void entriesWithoutTheirOrder(long since, List<Mismatch> found) {
        this.jdbc.query(
                "SELECT e.entry_no, e.amount_minor, o.amount_minor AS order_amount FROM rp_entry e"
                        + " LEFT JOIN reward_order o ON o.act_id = e.act_id AND o.order_no = e.entry_no"
                        + " WHERE e.kind = 'settle' AND e.created_at_ms >= ?"
                        + " AND (o.order_no IS NULL OR o.amount_minor <> e.amount_minor) LIMIT 100",
                (org.springframework.jdbc.core.RowCallbackHandler) (row) -> found
                    .add(new Mismatch("entry-without-order", row.getString("entry_no"), row.getLong("amount_minor"),
                            row.getLong("order_amount"))),
                since);
    }

    /** Accounts whose balance is not the balance after their latest entry. */
    private void accountsOffTheirLastEntry(long since, List<Mismatch> found) {
        this.jdbc.query(
                "SELECT a.act_id, a.balance_minor, e.balance_after FROM rp_account a"
                        + " LEFT JOIN rp_entry e ON e.act_id = a.act_id AND e.version = a.version"
                        + " WHERE a.updated_at_ms >= ? AND (e.entry_no IS NULL OR e.balance_after <> a.balance_minor)"
                        + " LIMIT 100",
                (org.springframework.jdbc.core.RowCallbackHandler) (row) -> found
                    .add(new Mismatch("balance-off-ledger", Long.toString(row.getLong("act_id")),
                            row.getLong("balance_after"), row.getLong("balance_minor"))),
                since);
    }

    /**
     * The totals: every entry adds up to every balance; settled entries to settled cash
     * orders; withdrawal entries to the withdrawals not refunded. All read as of one
     * moment per database ({@link LedgerSnapshot}), so settlements running meanwhile do
     * not show as mismatches.
     */
    private void totals(List<Mismatch> found) {
        // plain SUMs: ShardingSphere merges those across shards, not expressions around
        // them
        long[] sums = LedgerSnapshot.sums(this.jdbc, "SELECT SUM(amount_minor) FROM rp_entry",
                "SELECT SUM(balance_minor) FROM rp_account",
                "SELECT SUM(amount_minor) FROM rp_entry WHERE kind = 'settle'",
                "SELECT SUM(amount_minor) FROM reward_order WHERE award_type = 'cash' AND state = 'settled'",
                "SELECT SUM(amount_minor) FROM rp_entry WHERE kind IN ('withdraw', 'refund')",
                "SELECT SUM(amount_minor) FROM withdrawal WHERE state <> 'refunded'");
        compare(found, "entries-vs-balances", sums[0], sums[1]);
        compare(found, "settled-vs-orders", sums[2], sums[3]);
        compare(found, "withdrawn-vs-withdrawals", -sums[4], sums[5]);
    }

    private static void compare(List<Mismatch> found, String check, long expected, long actual) {
        if (expected != actual) {
            found.add(new Mismatch(check, "all", expected, actual));
        }
    }

}
