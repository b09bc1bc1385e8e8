package org.walletplatform.store.reshard;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import org.walletplatform.sharding.ShardLayout;
import org.walletplatform.sharding.reshard.ReshardMode;
import org.walletplatform.sharding.reshard.ReshardReport;
import org.walletplatform.sharding.reshard.RowMover;
import org.walletplatform.sharding.reshard.TableResharder;
import org.walletplatform.sharding.reshard.TableShape;
import org.walletplatform.store.snapshot.SnapshotStore;

/**
 * Puts every snapshot row where a new sharding layout routes it ({@link TableResharder}
 * walks both layouts' physical tables). Rows are copied with the store's version-guarded
 * upsert, so a copy never replaces a newer row; a row is deleted from where it was only
 * when its copy is at least as new. The sync worker must be stopped while it runs; the
 * readers need not be (docs/architecture.md, "Resharding").
 */
public final class SnapshotResharder implements RowMover {

    /** The upsert's columns, in its order. */
    private static final List<String> COLUMNS = List.of("user_id", "business_line", "version", "assets",
            "synced_at_ms");

    private final TableResharder tables;

    public SnapshotResharder(ShardLayout from, ShardLayout to) {
        this.tables = new TableResharder(from, to, this);
    }

    public ReshardReport run(ReshardMode mode) throws SQLException {
        return this.tables.run(mode);
    }

    /**
     * Every row is in place once copied: where the target held a newer version, that
     * newer row is the one to keep.
     */
    @Override
    public List<Object[]> copy(Connection target, String table, TableShape shape, List<Object[]> rows)
            throws SQLException {
        int[] columns = COLUMNS.stream().mapToInt(shape::indexOf).toArray();
        try (PreparedStatement upsert = target
            .prepareStatement(SnapshotStore.versionGuardedUpsert(table, rows.size()))) {
            int i = 1;
            for (Object[] row : rows) {
                for (int column : columns) {
                    upsert.setObject(i++, row[column]);
                }
            }
            upsert.executeUpdate();
        }
        return rows;
    }

    /**
     * Deletes the originals whose version is at most the one copied: the copy holds that
     * version or a newer one, since the upsert never lowers a version.
     */
    @Override
    public long delete(Connection source, String table, TableShape shape, List<Object[]> rows) throws SQLException {
        int user = shape.indexOf("user_id");
        int line = shape.indexOf("business_line");
        int version = shape.indexOf("version");
        try (PreparedStatement delete = source
            .prepareStatement("DELETE FROM " + table + " WHERE user_id = ? AND business_line = ? AND version <= ?")) {
            for (Object[] row : rows) {
                delete.setObject(1, row[user]);
                delete.setObject(2, row[line]);
                delete.setObject(3, row[version]);
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
