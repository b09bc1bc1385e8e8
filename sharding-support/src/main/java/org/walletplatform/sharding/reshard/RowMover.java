package org.walletplatform.sharding.reshard;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * How rows found out of place get to the table the new layout routes them to, and leave
 * the one they were in: the rule of one kind of table ({@link FrozenRows}, or a store's
 * own, e.g. a version-guarded one), for {@link TableResharder}'s walk.
 */
public interface RowMover {

    /**
     * Copies {@code rows} into {@code table}.
     * @return the rows whose copy is in place; the others count as conflicting and stay
     * where they were
     */
    List<Object[]> copy(Connection target, String table, TableShape shape, List<Object[]> rows) throws SQLException;

    /**
     * Deletes {@code rows}, each in place at its new table, from where they were.
     * @return how many went
     */
    long delete(Connection source, String table, TableShape shape, List<Object[]> rows) throws SQLException;

}
