package org.walletplatform.store.reshard;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.walletplatform.sharding.ShardLayout;
import org.walletplatform.sharding.ShardLayout.Location;
import org.walletplatform.sharding.reshard.PhysicalTables;
import org.walletplatform.sharding.reshard.ReshardMode;
import org.walletplatform.sharding.reshard.ReshardReport;
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

    private static final int PAGE = 500;

    private static final String COLUMNS = "user_id, business_line, version, assets, synced_at_ms";

    private final ShardLayout from;

    private final ShardLayout to;

    public SnapshotResharder(ShardLayout from, ShardLayout to) {
        this.from = from;
        this.to = to;
    }

    public ReshardReport run(ReshardMode mode) throws SQLException {
        return PhysicalTables.forEachTable(this.from, this.to, (source, tables) -> reshard(source, mode, tables));
    }

    /** Pages through one physical table in key order, resharding each page. */
    private ReshardReport reshard(Location source, ReshardMode mode, PhysicalTables tables) throws SQLException {
        ReshardReport report = ReshardReport.NONE;
        Connection connection = tables.connection(source);
        long afterUser = Long.MIN_VALUE;
        String afterLine = "";
        List<Row> page;
        do {
            page = page(connection, source.table(), afterUser, afterLine);
            if (!page.isEmpty()) {
                afterUser = page.get(page.size() - 1).userId();
                afterLine = page.get(page.size() - 1).businessLine();
                report = report.plus(reshard(source, page, mode, tables));
            }
        }
        while (page.size() == PAGE);
        return report;
    }

    private ReshardReport reshard(Location source, List<Row> page, ReshardMode mode, PhysicalTables tables)
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
        if (mode == ReshardMode.CHECK || misplaced == 0) {
            return new ReshardReport(page.size(), misplaced, 0, 0, 0);
        }
        for (Map.Entry<Location, List<Row>> target : byTarget.entrySet()) {
            upsert(tables.connection(target.getKey()), target.getKey().table(), target.getValue());
        }
        long deleted = 0;
        if (mode == ReshardMode.MOVE) {
            for (List<Row> rows : byTarget.values()) {
                deleted += deleteCopied(tables.connection(source), source.table(), rows);
            }
        }
        return new ReshardReport(page.size(), misplaced, misplaced, deleted, 0);
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

    private record Row(long userId, String businessLine, long version, String assets, long syncedAtMs) {
    }

}
