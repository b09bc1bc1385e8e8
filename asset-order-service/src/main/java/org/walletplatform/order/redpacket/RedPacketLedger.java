package org.walletplatform.order.redpacket;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.walletplatform.order.reward.RewardOrder;
import org.walletplatform.order.reward.RewardOrderStore;
import org.walletplatform.order.reward.RewardOrderStore.NewOrder;
import org.walletplatform.sharding.StatementShapes;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The red-packet ledger in MySQL, sharded by actID like the orders (an account's orders,
 * entries and balance row share a database). A batch of packets is booked in one
 * transaction of a few statements, whatever its size: the orders (whose primary key is
 * the order number, so a packet booked before is found and skipped), one append-only
 * entry per packet, and the account rows, locked while their new figures are computed so
 * no concurrent booking is lost.
 */
@Component
class RedPacketLedger {

    /** Rows per insert statement. */
    private static final int MAX_ROWS = 256;

    private final JdbcTemplate jdbc;

    private final TransactionTemplate transactions;

    private final RewardOrderStore orders;

    private final Clock clock;

    RedPacketLedger(JdbcTemplate jdbc, PlatformTransactionManager transactions, RewardOrderStore orders, Clock clock) {
        this.jdbc = jdbc;
        // the shards' connections run READ COMMITTED (ShardingConfig): the account rows
        // are locked explicitly, and no gap locks make two settlers creating different
        // new accounts deadlock
        this.transactions = new TransactionTemplate(transactions);
        this.orders = orders;
        this.clock = clock;
    }

    /**
     * Books the packets not booked yet; returns every account's figures after the batch,
     * by actID. {@code beforeBooking} sees the figures before the batch, while the
     * account rows are locked.
     */
    Map<Long, SettledAccount> settle(List<TokenRecord> packets, Consumer<Map<Long, SettledAccount>> beforeBooking) {
        Map<String, TokenRecord> byOrderNo = new LinkedHashMap<>();
        packets.forEach((packet) -> byOrderNo.putIfAbsent(packet.orderNo(), packet));
        List<RewardOrder> batch = byOrderNo.values().stream().map((p) -> p.toOrder(RewardOrder.SETTLED)).toList();
        for (int attempt = 1;; attempt++) {
            try {
                return this.transactions.execute((status) -> {
                    // account rows first: settlers of one account queue here, and the
                    // later one finds the earlier one's orders
                    List<Long> actIds = byOrderNo.values().stream().map(TokenRecord::actId).distinct().toList();
                    Map<Long, SettledAccount> accounts = accountsForUpdate(actIds);
                    Set<String> booked = this.orders.existing(batch);
                    List<TokenRecord> fresh = byOrderNo.values()
                        .stream()
                        .filter((packet) -> !booked.contains(packet.orderNo()))
                        .toList();
                    beforeBooking.accept(Map.copyOf(accounts));
                    if (!fresh.isEmpty()) {
                        book(fresh, accounts);
                    }
                    return accounts;
                });
            }
            catch (DuplicateKeyException ex) {
                // a new account has no row to lock yet: another settler booked these
                // packets meanwhile; the next attempt sees them
                if (attempt == 3) {
                    throw ex;
                }
            }
        }
    }

    private void book(List<TokenRecord> fresh, Map<Long, SettledAccount> accounts) {
        long now = this.clock.millis();
        List<NewOrder> newOrders = new ArrayList<>(fresh.size());
        List<List<Object>> entries = new ArrayList<>(fresh.size());
        for (TokenRecord packet : fresh) {
            newOrders.add(new NewOrder(packet.toOrder(RewardOrder.SETTLED), packet.requestHash(), packet.lessee()));
            SettledAccount before = accounts.get(packet.actId());
            SettledAccount after = new SettledAccount(packet.actId(), before.balanceMinor() + packet.amountMinor(),
                    before.incomeMinor() + packet.amountMinor(), before.version() + 1);
            accounts.put(packet.actId(), after);
            entries.add(List.of(packet.orderNo(), packet.actId(), packet.amountMinor(), after.balanceMinor(),
                    after.version(), now));
        }
        this.orders.insertAll(newOrders);
        for (List<List<Object>> piece : StatementShapes.pieces(entries, MAX_ROWS)) {
            this.jdbc.update(
                    "INSERT INTO rp_entry (entry_no, act_id, kind, amount_minor, balance_after, version,"
                            + " created_at_ms) VALUES "
                            + StatementShapes.repeated("(?, ?, 'settle', ?, ?, ?, ?)", piece.size()),
                    piece.stream().flatMap(List::stream).toArray());
        }
        List<SettledAccount> changed = fresh.stream().map(TokenRecord::actId).distinct().map(accounts::get).toList();
        // the rows are locked since they were read: their figures are final, so a row
        // repeated to pad the statement sets the same figures again
        List<SettledAccount> rows = StatementShapes.padded(changed);
        List<Object> args = new ArrayList<>(rows.size() * 5);
        rows.forEach((account) -> args
            .addAll(List.of(account.actId(), account.balanceMinor(), account.incomeMinor(), account.version(), now)));
        this.jdbc.update("INSERT INTO rp_account (act_id, balance_minor, income_minor, version, updated_at_ms)"
                + " VALUES " + StatementShapes.repeated("(?, ?, ?, ?, ?)", rows.size())
                + " ON DUPLICATE KEY UPDATE balance_minor = VALUES(balance_minor),"
                + " income_minor = VALUES(income_minor), version = VALUES(version),"
                + " updated_at_ms = VALUES(updated_at_ms)", args.toArray());
    }

    private Map<Long, SettledAccount> accountsForUpdate(List<Long> actIds) {
        Map<Long, SettledAccount> accounts = new LinkedHashMap<>();
        actIds.forEach((actId) -> accounts.put(actId, SettledAccount.empty(actId)));
        List<Long> padded = StatementShapes.padded(actIds);
        this.jdbc.query(
                "SELECT act_id, balance_minor, income_minor, version FROM rp_account WHERE act_id IN ("
                        + StatementShapes.repeated("?", padded.size()) + ") FOR UPDATE",
                (RowCallbackHandler) (row) -> accounts.put(row.getLong("act_id"), settled(row)), padded.toArray());
        return accounts;
    }

    /**
     * The accounts' settled figures (zero for an account with no entry yet), by actID:
     * one query, which the sharding routes to the databases holding them.
     */
    Map<Long, SettledAccount> accounts(List<Long> actIds) {
        Map<Long, SettledAccount> accounts = new LinkedHashMap<>();
        actIds.forEach((actId) -> accounts.put(actId, SettledAccount.empty(actId)));
        List<Long> padded = StatementShapes.padded(accounts.keySet());
        this.jdbc.query(
                "SELECT act_id, balance_minor, income_minor, version FROM rp_account WHERE act_id IN ("
                        + StatementShapes.repeated("?", padded.size()) + ")",
                (RowCallbackHandler) (row) -> accounts.put(row.getLong("act_id"), settled(row)), padded.toArray());
        return accounts;
    }

    private static SettledAccount settled(ResultSet row) throws SQLException {
        return new SettledAccount(row.getLong("act_id"), row.getLong("balance_minor"), row.getLong("income_minor"),
                row.getLong("version"));
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
