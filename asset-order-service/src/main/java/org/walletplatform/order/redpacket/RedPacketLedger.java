package org.walletplatform.order.redpacket;

import java.time.Clock;
import java.util.List;

import org.walletplatform.order.reward.RewardOrder;
import org.walletplatform.order.reward.RewardOrderStore;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The red-packet ledger in MySQL, sharded by actID: the order row, an append-only entry
 * and the account row of one packet are written in one local transaction (they share a
 * shard). The order number is the order's primary key, so settling a packet twice writes
 * nothing the second time. The account row changes only by single-statement increments,
 * so concurrent settlements never lose an update.
 */
@Component
class RedPacketLedger {

    private final JdbcTemplate jdbc;

    private final TransactionTemplate transactions;

    private final RewardOrderStore orders;

    private final Clock clock;

    RedPacketLedger(JdbcTemplate jdbc, TransactionTemplate transactions, RewardOrderStore orders, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.orders = orders;
        this.clock = clock;
    }

    /**
     * Books one packet; returns the account's figures after it (after the earlier booking
     * if it was settled before).
     */
    SettledAccount settle(TokenRecord record) {
        RedPacketToken token = record.token();
        RewardOrder order = record.toOrder(RewardOrder.SETTLED);
        return this.transactions.execute((status) -> {
            if (!this.orders.insert(order, record.requestHash(), record.lessee())) {
                return account(token.actId());
            }
            long now = this.clock.millis();
            this.jdbc.update(
                    "INSERT INTO rp_account (act_id, balance_minor, income_minor, version, updated_at_ms)"
                            + " VALUES (?, ?, ?, 1, ?) ON DUPLICATE KEY UPDATE balance_minor = balance_minor + ?,"
                            + " income_minor = income_minor + ?, version = version + 1, updated_at_ms = ?",
                    token.actId(), token.amountMinor(), token.amountMinor(), now, token.amountMinor(),
                    token.amountMinor(), now);
            SettledAccount after = account(token.actId());
            this.jdbc.update(
                    "INSERT INTO rp_entry (entry_no, act_id, kind, amount_minor, balance_after, version,"
                            + " created_at_ms) VALUES (?, ?, 'settle', ?, ?, ?, ?)",
                    token.outTradeNo(), token.actId(), token.amountMinor(), after.balanceMinor(), after.version(), now);
            return after;
        });
    }

    /** The account's settled figures (zero for an account with no entry yet). */
    SettledAccount account(long actId) {
        List<SettledAccount> rows = this.jdbc.query(
                "SELECT balance_minor, income_minor, version FROM rp_account WHERE act_id = ?",
                (row, i) -> new SettledAccount(actId, row.getLong("balance_minor"), row.getLong("income_minor"),
                        row.getLong("version")),
                actId);
        return rows.isEmpty() ? SettledAccount.empty(actId) : rows.get(0);
    }

}
