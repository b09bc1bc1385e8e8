package org.walletplatform.sharding.reshard;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.walletplatform.sharding.StatementShapes;

/**
 * A physical table's columns in order, which of them make the primary key, and which
 * routes a row.
 */
public record TableShape(List<String> columns, List<String> keyColumns, int[] keyIndexes, int shardingIndex) {

    public static TableShape of(Connection connection, String table, String shardingColumn) throws SQLException {
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

    /** Where {@code column} sits in a row. */
    public int indexOf(String column) {
        int index = this.columns.indexOf(column.toLowerCase(Locale.ROOT));
        if (index < 0) {
            throw new IllegalStateException("no column " + column);
        }
        return index;
    }

    /** The key condition {@code (k1, k2) = (?, ?)}, for a row's key values. */
    public String keyEquals() {
        return "(" + String.join(", ", this.keyColumns) + ") = ("
                + StatementShapes.repeated("?", this.keyColumns.size()) + ")";
    }

    public Object[] keyOf(Object[] row) {
        Object[] key = new Object[this.keyIndexes.length];
        for (int k = 0; k < key.length; k++) {
            key[k] = row[this.keyIndexes[k]];
        }
        return key;
    }

    public long shardingValue(Object[] row) {
        return ((Number) row[this.shardingIndex]).longValue();
    }

    /**
     * Up to {@code size} rows after the key {@code after} (from the first if null), in
     * key order. The condition is spelled out column by column ({@code a > ? OR (a = ?
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
        try (PreparedStatement select = connection.prepareStatement("SELECT " + String.join(", ", this.columns)
                + " FROM " + table + where + " ORDER BY " + String.join(", ", this.keyColumns) + " LIMIT " + size)) {
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

    public static Object[] read(ResultSet result, int columns) throws SQLException {
        Object[] row = new Object[columns];
        for (int c = 0; c < columns; c++) {
            row[c] = result.getObject(c + 1);
        }
        return row;
    }

}
