package org.walletplatform.order.redpacket;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Sums over the sharded ledger read as of one moment per database. Two sums read by
 * separate statements under the pools' READ COMMITTED each see their own moment: a
 * settlement committed between them counts on one side only, and the hourly totals
 * reported mismatches that were never there (seen under load). One REPEATABLE READ
 * transaction holds one read view per database from its first read; an account's orders,
 * entries, withdrawals and balance share a database (all sharded by act id alike), so
 * sums that agree per database agree in total.
 */
final class LedgerSnapshot {

    private LedgerSnapshot() {
    }

    /** Each statement's single number (0 for a SUM over no rows), in order. */
    static long[] sums(JdbcTemplate jdbc, String... statements) {
        return jdbc.execute((ConnectionCallback<long[]>) (connection) -> {
            // the pool puts the connection back to READ COMMITTED (ShardingConfig)
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                long[] sums = new long[statements.length];
                for (int i = 0; i < statements.length; i++) {
                    try (ResultSet rows = statement.executeQuery(statements[i])) {
                        sums[i] = rows.next() ? rows.getLong(1) : 0;
                    }
                }
                return sums;
            }
            finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        });
    }

}
