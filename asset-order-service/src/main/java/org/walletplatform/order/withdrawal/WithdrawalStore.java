package org.walletplatform.order.withdrawal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Withdrawals in MySQL, sharded by actID. (actID, withdrawal number) is the primary key,
 * so a retried withdrawal is found by the database itself, never by reading first.
 */
@Component
class WithdrawalStore {

    private final JdbcTemplate jdbc;

    private final Clock clock;

    WithdrawalStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Writes the withdrawal; false if its number exists for the account (nothing
     * written).
     */
    boolean insert(Withdrawal withdrawal, String requestHash) {
        try {
            this.jdbc.update(
                    "INSERT INTO withdrawal (act_id, withdrawal_no, amount_minor, state, request_hash,"
                            + " created_at_ms, updated_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    withdrawal.actId(), withdrawal.withdrawalNo(), withdrawal.amountMinor(), withdrawal.state(),
                    requestHash, withdrawal.createdAt().toEpochMilli(), withdrawal.createdAt().toEpochMilli());
            return true;
        }
        catch (DuplicateKeyException ex) {
            return false;
        }
    }

    Optional<Stored> find(long actId, String withdrawalNo) {
        return this.jdbc
            .query("SELECT * FROM withdrawal WHERE act_id = ? AND withdrawal_no = ?", this::stored, actId, withdrawalNo)
            .stream()
            .findFirst();
    }

    /** Moves it from {@code from} to {@code to}; false if it was not in {@code from}. */
    boolean transition(Withdrawal withdrawal, List<String> from, String to) {
        return this.jdbc.update(
                "UPDATE withdrawal SET state = ?, updated_at_ms = ? WHERE act_id = ?"
                        + " AND withdrawal_no = ? AND state IN ("
                        + String.join(",", from.stream().map((s) -> "?").toList()) + ")",
                concat(to, this.clock.millis(), withdrawal.actId(), withdrawal.withdrawalNo(), from)) == 1;
    }

    /**
     * Withdrawals accepted or paying since before {@code beforeMillis}: for the janitor.
     */
    List<Withdrawal> findStuck(long beforeMillis, int limit) {
        return this.jdbc
            .query("SELECT * FROM withdrawal WHERE state IN ('accepted', 'paying') AND updated_at_ms < ?"
                    + " ORDER BY updated_at_ms LIMIT ?", this::stored, beforeMillis, limit)
            .stream()
            .map(Stored::withdrawal)
            .toList();
    }

    private static Object[] concat(String to, long now, long actId, String withdrawalNo, List<String> from) {
        Object[] args = new Object[4 + from.size()];
        args[0] = to;
        args[1] = now;
        args[2] = actId;
        args[3] = withdrawalNo;
        for (int i = 0; i < from.size(); i++) {
            args[4 + i] = from.get(i);
        }
        return args;
    }

    private Stored stored(ResultSet row, int i) throws SQLException {
        return new Stored(
                new Withdrawal(row.getLong("act_id"), row.getString("withdrawal_no"), row.getLong("amount_minor"),
                        row.getString("state"), Instant.ofEpochMilli(row.getLong("created_at_ms")), false),
                row.getString("request_hash"));
    }

    /** A withdrawal as stored, with the hash of the request that made it. */
    record Stored(Withdrawal withdrawal, String requestHash) {

    }

}
