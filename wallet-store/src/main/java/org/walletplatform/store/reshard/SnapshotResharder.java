package org.walletplatform.store.reshard;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.walletplatform.sharding.ShardLayout;
import org.walletplatform.sharding.ShardLayout.Location;
import org.walletplatform.store.snapshot.SnapshotStore;

/**
 * Puts every snapshot row where a new sharding layout routes it, straight on the physical
 * tables. It reads every physical table of both layouts, so it finds rows wherever a run
 * interrupted before left them, and a second run finds nothing to do. Rows are copied
 * with the store's version-guarded upsert, so a copy never replaces a newer row; a row is
 * deleted from where it was only when its copy is at least as new. The sync worker must
 * be stopped while it runs (docs/architecture.md, "Resharding").
 */
public final class SnapshotResharder {

    /** What a run does with the rows it finds out of place. */
    public enum Mode {

        /** Count them only. */
        CHECK,
        /**
         * Copy them where the new layout routes them, leaving the originals: readers on
         * the old layout still find every row.
         */
        COPY,
        /** Copy them, then delete the originals. */
        MOVE

    }

    /** Rows seen, out of place, copied (rows sent), and deleted from where they were. */
    public record Report(long scanned, long misplaced, long copied, long deleted) {

        Report plus(Report other) {
            return new Report(this.scanned + other.scanned, this.misplaced + other.misplaced,
                    this.copied + other.copied, this.deleted + other.deleted);
        }

    }

    private static final int PAGE = 500;

    /** MySQL's error codes for a database or a table that does not exist. */
    private static final int UNKNOWN_DATABASE = 1049;

    private static final int UNKNOWN_TABLE = 1146;

    private static final String COLUMNS = "user_id, business_line, version, assets, synced_at_ms";

    private final ShardLayout from;

    private final ShardLayout to;

    public SnapshotResharder(ShardLayout from, ShardLayout to) {
        this.from = from;
        this.to = to;
    }

    public Report run(Mode mode) throws SQLException {
        Map<String, Connection> connections = new LinkedHashMap<>();
        try {
            Report total = new Report(0, 0, 0, 0);
            for (Location source : everyTable()) {
                if (exists(source, connections)) {
                    total = total.plus(reshard(source, mode, connections));
                }
            }
            return total;
        }
        finally {
            for (Connection connection : connections.values()) {
                connection.close();
            }
        }
    }

    /** The physical tables of both layouts, each once. */
    private List<Location> everyTable() {
        List<Location> tables = new ArrayList<>();
        for (Location location : Stream.concat(this.from.locations().stream(), this.to.locations().stream()).toList()) {
            if (tables.stream().noneMatch(location::sameAs)) {
                tables.add(location);
            }
        }
        return tables;
    }

    /** Pages through one physical table in key order, resharding each page. */
    private Report reshard(Location source, Mode mode, Map<String, Connection> connections) throws SQLException {
        Report report = new Report(0, 0, 0, 0);
        Connection connection = connection(source, connections);
        long afterUser = Long.MIN_VALUE;
        String afterLine = "";
        List<Row> page;
        do {
            page = page(connection, source.table(), afterUser, afterLine);
            if (!page.isEmpty()) {
                afterUser = page.get(page.size() - 1).userId();
                afterLine = page.get(page.size() - 1).businessLine();
                report = report.plus(reshard(source, page, mode, connections));
            }
        }
        while (page.size() == PAGE);
        return report;
    }

    private Report reshard(Location source, List<Row> page, Mode mode, Map<String, Connection> connections)
            throws SQLException {
        // every target comes from the new layout, so equal records are the same table
        Map<Location, List<Row>> byTarget = new LinkedHashMap<>();
        for (Row row : page) {
            Location target = this.to.locate(row.userId());
            if (!target.sameAs(source)) {
                byTarget.computeIfAbsent(target, (k) -> new ArrayList<>()).add(row);
            }
        }
        long misplaced = byTarget.values().stream().mapToLong(List::size).sum();
        if (mode == Mode.CHECK || misplaced == 0) {
            return new Report(page.size(), misplaced, 0, 0);
        }
        for (Map.Entry<Location, List<Row>> target : byTarget.entrySet()) {
            upsert(connection(target.getKey(), connections), target.getKey().table(), target.getValue());
        }
        long deleted = 0;
        if (mode == Mode.MOVE) {
            for (List<Row> rows : byTarget.values()) {
                deleted += deleteCopied(connection(source, connections), source.table(), rows);
            }
        }
        return new Report(page.size(), misplaced, misplaced, deleted);
    }

    private static List<Row> page(Connection connection, String table, long afterUser, String afterLine)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM " + table
                + " WHERE user_id > ? OR (user_id = ? AND business_line > ?) ORDER BY user_id, business_line LIMIT "
                + PAGE)) {
            select.setLong(1, afterUser);
            select.setLong(2, afterUser);
            select.setString(3, afterLine);
            List<Row> rows = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(result.getLong(1), result.getString(2), result.getLong(3), result.getString(4),
                            result.getLong(5)));
                }
            }
            return rows;
        }
    }

    private static void upsert(Connection connection, String table, List<Row> rows) throws SQLException {
        try (PreparedStatement upsert = connection
            .prepareStatement(SnapshotStore.versionGuardedUpsert(table, rows.size()))) {
            int i = 1;
            for (Row row : rows) {
                upsert.setLong(i++, row.userId());
                upsert.setString(i++, row.businessLine());
                upsert.setLong(i++, row.version());
                upsert.setString(i++, row.assets());
                upsert.setLong(i++, row.syncedAtMs());
            }
            upsert.executeUpdate();
        }
    }

    /**
     * Deletes the originals whose version is at most the one copied: the copy holds that
     * version or a newer one, since the upsert never lowers a version.
     */
    private static long deleteCopied(Connection connection, String table, List<Row> rows) throws SQLException {
        try (PreparedStatement delete = connection
            .prepareStatement("DELETE FROM " + table + " WHERE user_id = ? AND business_line = ? AND version <= ?")) {
            for (Row row : rows) {
                delete.setLong(1, row.userId());
                delete.setString(2, row.businessLine());
                delete.setLong(3, row.version());
                delete.addBatch();
            }
            long deleted = 0;
            for (int count : delete.executeBatch()) {
                deleted += Math.max(count, 0);
            }
            return deleted;
        }
    }

    /**
     * Whether the table is there: a check runs before the new layout's databases and
     * tables are made, and one that is not there holds no rows.
     */
    private static boolean exists(Location location, Map<String, Connection> connections) throws SQLException {
        try (PreparedStatement probe = connection(location, connections)
            .prepareStatement("SELECT 1 FROM " + location.table() + " LIMIT 0")) {
            probe.executeQuery().close();
            return true;
        }
        catch (SQLException ex) {
            if (ex.getErrorCode() == UNKNOWN_DATABASE || ex.getErrorCode() == UNKNOWN_TABLE) {
                return false;
            }
            throw ex;
        }
    }

    private static Connection connection(Location location, Map<String, Connection> connections) throws SQLException {
        Connection open = connections.get(location.databaseUrl());
        if (open == null) {
            open = DriverManager.getConnection(location.database().jdbcUrl(), location.database().username(),
                    location.database().password());
            connections.put(location.databaseUrl(), open);
        }
        return open;
    }

    private record Row(long userId, String businessLine, long version, String assets, long syncedAtMs) {
    }

}
