package org.walletplatform.sharding.reshard;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.walletplatform.sharding.ShardLayout;
import org.walletplatform.sharding.ShardLayout.Location;
import org.walletplatform.sharding.StatementShapes;

/**
 * Puts every row of one logical table where a new layout routes it, for tables nothing
 * writes while it runs (the service that owns them is stopped): any table with a primary
 * key, every column copied as it is. A row is copied only where no row holds its key yet,
 * read back, and deleted from where it was only if its copy equals it column for column;
 * a copy that differs (another row already held the key there) is counted as conflicting
 * and both rows stay. It reads every physical table of both layouts, so a run that was
 * interrupted is finished by the next, and a second run finds nothing to do.
 */
public final class FrozenTableResharder {

    private static final int PAGE = 500;

    private final ShardLayout from;

    private final ShardLayout to;

    public FrozenTableResharder(ShardLayout from, ShardLayout to) {
        if (!from.shardingColumn().equals(to.shardingColumn())) {
            throw new IllegalArgumentException(
                    "The layouts shard by different columns: " + from.shardingColumn() + " and " + to.shardingColumn());
        }
        this.from = from;
        this.to = to;
    }

    public ReshardReport run(ReshardMode mode) throws SQLException {
        return PhysicalTables.forEachTable(this.from, this.to, (source, tables) -> reshard(source, mode, tables));
    }

    /** Pages through one physical table in key order, resharding each page. */
    private ReshardReport reshard(Location source, ReshardMode mode, PhysicalTables tables) throws SQLException {
        Connection connection = tables.connection(source);
        TableShape shape = TableShape.of(connection, source.table(), this.to.shardingColumn());
        ReshardReport report = ReshardReport.NONE;
        Object[] after = null;
        List<Object[]> page;
        do {
            page = shape.page(connection, source.table(), after, PAGE);
            if (!page.isEmpty()) {
                after = shape.keyOf(page.get(page.size() - 1));
                report = report.plus(reshard(source, shape, page, mode, tables));
            }
        }
        while (page.size() == PAGE);
        return report;
    }

    private ReshardReport reshard(Location source, TableShape shape, List<Object[]> page, ReshardMode mode,
            PhysicalTables tables) throws SQLException {
        // every target comes from the new layout, so equal records are the same table
        Map<Location, List<Object[]>> byTarget = new LinkedHashMap<>();
        for (Object[] row : page) {
            Location target = this.to.locate(shape.shardingValue(row));
            if (!target.sameAs(source)) {
                byTarget.computeIfAbsent(target, (k) -> new ArrayList<>()).add(row);
            }
        }
        long misplaced = byTarget.values().stream().mapToLong(List::size).sum();
        if (mode == ReshardMode.CHECK || misplaced == 0) {
            return new ReshardReport(page.size(), misplaced, 0, 0, 0);
        }
        long conflicting = 0;
        long deleted = 0;
        for (Map.Entry<Location, List<Object[]>> target : byTarget.entrySet()) {
            Connection targetConnection = tables.connection(target.getKey());
            insertAbsent(targetConnection, target.getKey().table(), shape, target.getValue());
            List<Object[]> inPlace = copiedAlike(targetConnection, target.getKey().table(), shape, target.getValue());
            conflicting += target.getValue().size() - inPlace.size();
            if (mode == ReshardMode.MOVE) {
                deleted += delete(tables.connection(source), source.table(), shape, inPlace);
            }
        }
        return new ReshardReport(page.size(), misplaced, misplaced, deleted, conflicting);
    }

    /**
     * Inserts the rows whose key the table does not hold yet; a held key is left as it
     * is.
     */
    private static void insertAbsent(Connection connection, String table, TableShape shape, List<Object[]> rows)
            throws SQLException {
        String firstKey = shape.keyColumns().get(0);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " ("
                + String.join(", ", shape.columns()) + ") VALUES " + StatementShapes
                    .repeated("(" + StatementShapes.repeated("?", shape.columns().size()) + ")", rows.size())
                + " ON DUPLICATE KEY UPDATE " + firstKey + " = " + firstKey)) {
            int i = 1;
            for (Object[] row : rows) {
                for (Object value : row) {
                    insert.setObject(i++, value);
                }
            }
            insert.executeUpdate();
        }
    }

    /** The rows whose copy in the table equals them in every column. */
    private static List<Object[]> copiedAlike(Connection connection, String table, TableShape shape,
            List<Object[]> rows) throws SQLException {
        Map<List<Object>, Object[]> copies = new HashMap<>();
        String key = "(" + String.join(", ", shape.keyColumns()) + ")";
        try (PreparedStatement select = connection.prepareStatement("SELECT "
                + String.join(", ", shape.columns()) + " FROM " + table + " WHERE " + key + " IN (" + StatementShapes
                    .repeated("(" + StatementShapes.repeated("?", shape.keyColumns().size()) + ")", rows.size())
                + ")")) {
            int i = 1;
            for (Object[] row : rows) {
                for (Object value : shape.keyOf(row)) {
                    select.setObject(i++, value);
                }
            }
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    Object[] copy = TableShape.read(result, shape.columns().size());
                    copies.put(List.of(shape.keyOf(copy)), copy);
                }
            }
        }
        return rows.stream().filter((row) -> Arrays.deepEquals(row, copies.get(List.of(shape.keyOf(row))))).toList();
    }

    private static long delete(Connection connection, String table, TableShape shape, List<Object[]> rows)
            throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        try (PreparedStatement delete = connection
            .prepareStatement("DELETE FROM " + table + " WHERE (" + String.join(", ", shape.keyColumns()) + ") = ("
                    + StatementShapes.repeated("?", shape.keyColumns().size()) + ")")) {
            for (Object[] row : rows) {
                int i = 1;
                for (Object value : shape.keyOf(row)) {
                    delete.setObject(i++, value);
                }
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
     * A physical table's columns in order, which of them make the primary key, and which
     * routes a row.
     */
    record TableShape(List<String> columns, List<String> keyColumns, int[] keyIndexes, int shardingIndex) {

        static TableShape of(Connection connection, String table, String shardingColumn) throws SQLException {
            List<String> columns = new ArrayList<>();
            try (PreparedStatement probe = connection.prepareStatement("SELECT * FROM " + table + " LIMIT 0");
                    ResultSet result = probe.executeQuery()) {
                ResultSetMetaData meta = result.getMetaData();
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    columns.add(meta.getColumnName(c).toLowerCase(Locale.ROOT));
                }
            }
            Map<Integer, String> keyBySequence = new TreeMap<>();
            try (ResultSet keys = connection.getMetaData().getPrimaryKeys(connection.getCatalog(), null, table)) {
                while (keys.next()) {
                    keyBySequence.put(keys.getInt("KEY_SEQ"), keys.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
            List<String> keyColumns = List.copyOf(keyBySequence.values());
            if (keyColumns.isEmpty()) {
                throw new IllegalStateException(table + " has no primary key: its rows cannot be told apart");
            }
            int sharding = columns.indexOf(shardingColumn.toLowerCase(Locale.ROOT));
            if (sharding < 0) {
                throw new IllegalStateException(table + " has no column " + shardingColumn);
            }
            return new TableShape(List.copyOf(columns), keyColumns,
                    keyColumns.stream().mapToInt(columns::indexOf).toArray(), sharding);
        }

        Object[] keyOf(Object[] row) {
            Object[] key = new Object[this.keyIndexes.length];
            for (int k = 0; k < key.length; k++) {
                key[k] = row[this.keyIndexes[k]];
            }
            return key;
        }

        long shardingValue(Object[] row) {
            return ((Number) row[this.shardingIndex]).longValue();
        }

        /**
         * Up to {@code size} rows after the key {@code after} (from the first if null),
         * in key order. The condition is spelled out column by column
         * ({@code a > ? OR (a = ?
         * AND b > ?)}), which MySQL reads as index ranges.
         */
        List<Object[]> page(Connection connection, String table, Object[] after, int size) throws SQLException {
            List<Object> args = new ArrayList<>();
            List<String> ranges = new ArrayList<>();
            for (int k = 0; after != null && k < this.keyColumns.size(); k++) {
                List<String> range = new ArrayList<>();
                for (int equal = 0; equal < k; equal++) {
                    range.add(this.keyColumns.get(equal) + " = ?");
                    args.add(after[equal]);
                }
                range.add(this.keyColumns.get(k) + " > ?");
                args.add(after[k]);
                ranges.add("(" + String.join(" AND ", range) + ")");
            }
            String where = ranges.isEmpty() ? "" : " WHERE " + String.join(" OR ", ranges);
            try (PreparedStatement select = connection
                .prepareStatement("SELECT " + String.join(", ", this.columns) + " FROM " + table + where + " ORDER BY "
                        + String.join(", ", this.keyColumns) + " LIMIT " + size)) {
                for (int i = 0; i < args.size(); i++) {
                    select.setObject(i + 1, args.get(i));
                }
                List<Object[]> rows = new ArrayList<>();
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        rows.add(read(result, this.columns.size()));
                    }
                }
                return rows;
            }
        }

        static Object[] read(ResultSet result, int columns) throws SQLException {
            Object[] row = new Object[columns];
            for (int c = 0; c < columns; c++) {
                row[c] = result.getObject(c + 1);
            }
            return row;
        }

    }

}
