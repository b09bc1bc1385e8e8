package org.walletplatform.loadtest;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Raw baseline 2: the sync worker's version-guarded multi-row upsert, in 500-row batches
 * over plain JDBC straight into one physical shard table (no ShardingSphere, no MyBatis,
 * no Kafka, no HTTP), on one connection. Uses its own user range and deletes it
 * afterwards.
 */
final class JdbcUpsertBaseline {

    private static final int BATCH = 500;

    private static final String ASSETS = "[{\"assetId\":\"cash\",\"kind\":\"cash\",\"name\":\"cash balance\","
            + "\"amountMinor\":123456,\"unit\":\"CNY\"}]";

    private final String jdbcUrl;

    JdbcUpsertBaseline(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    /**
     * Rows per second upserting {@code rows} new rows into {@code table} of the shard.
     */
    double rowsPerSecond(String table, long firstUser, int rows) throws SQLException {
        StringBuilder sql = new StringBuilder(
                "INSERT INTO " + table + " (user_id, business_line, version, assets, synced_at_ms) VALUES ");
        for (int i = 0; i < BATCH; i++) {
            sql.append((i == 0) ? "" : ",").append("(?,?,?,?,?)");
        }
        sql.append(" ON DUPLICATE KEY UPDATE assets = IF(VALUES(version) > version, VALUES(assets), assets),"
                + " synced_at_ms = IF(VALUES(version) > version, VALUES(synced_at_ms), synced_at_ms),"
                + " version = GREATEST(version, VALUES(version))");
        try (Connection connection = DriverManager.getConnection(this.jdbcUrl, "root", "");
                PreparedStatement upsert = connection.prepareStatement(sql.toString())) {
            long start = System.nanoTime();
            for (int from = 0; from + BATCH <= rows; from += BATCH) {
                int p = 1;
                for (int i = 0; i < BATCH; i++) {
                    upsert.setLong(p++, firstUser + (from + i) * 4L);
                    upsert.setString(p++, "cash");
                    upsert.setLong(p++, 1);
                    upsert.setString(p++, ASSETS);
                    upsert.setLong(p++, System.currentTimeMillis());
                }
                upsert.executeUpdate();
            }
            double perSecond = (rows - rows % BATCH) / ((System.nanoTime() - start) / 1e9);
            try (Statement cleanup = connection.createStatement()) {
                cleanup.executeUpdate("DELETE FROM " + table + " WHERE user_id >= " + firstUser + " AND user_id < "
                        + (firstUser + rows * 4L));
            }
            return perSecond;
        }
    }

}
