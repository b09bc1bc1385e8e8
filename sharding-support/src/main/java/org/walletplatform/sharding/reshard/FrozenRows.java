package org.walletplatform.sharding.reshard;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.walletplatform.sharding.StatementShapes;

/**
 * The {@link RowMover} for tables nothing writes while they move (the service that owns
 * them is stopped): any table with a primary key, every column copied as it is. A row is
 * copied only where no row holds its key yet, read back, and in place only if its copy
 * equals it column for column; a copy that differs (another row already held the key
 * there) leaves both rows where they are, counted as conflicting.
 */
public final class FrozenRows implements RowMover {

    @Override
    public List<Object[]> copy(Connection target, String table, TableShape shape, List<Object[]> rows)
            throws SQLException {
        insertAbsent(target, table, shape, rows);
        return copiedAlike(target, table, shape, rows);
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

    @Override
    public long delete(Connection connection, String table, TableShape shape, List<Object[]> rows) throws SQLException {
        try (PreparedStatement delete = connection
            .prepareStatement("DELETE FROM " + table + " WHERE " + shape.keyEquals())) {
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

}
