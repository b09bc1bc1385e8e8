package org.walletplatform.sharding.reshard;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.walletplatform.sharding.ShardLayout;
import org.walletplatform.sharding.ShardLayout.Location;

/**
 * Puts every row of one logical table where a new layout routes it, straight on the
 * physical tables: it pages through every physical table of both layouts in key order, so
 * it finds rows wherever an interrupted run left them and a second run finds nothing to
 * do, and hands the rows out of place to the table's {@link RowMover}: copied first,
 * then, for a move, deleted from where they were once their copy is in place.
 */
public final class TableResharder {

    private static final int PAGE = 500;

    private final ShardLayout from;

    private final ShardLayout to;

    private final RowMover mover;

    public TableResharder(ShardLayout from, ShardLayout to, RowMover mover) {
        if (!from.shardingColumn().equals(to.shardingColumn())) {
            throw new IllegalArgumentException(
                    "The layouts shard by different columns: " + from.shardingColumn() + " and " + to.shardingColumn());
        }
        this.from = from;
        this.to = to;
        this.mover = mover;
    }

    public ReshardReport run(ReshardMode mode) throws SQLException {
        return PhysicalTables.forEachTable(this.from, this.to, (source, tables) -> reshard(source, mode, tables));
    }

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
            List<Object[]> inPlace = this.mover.copy(tables.connection(target.getKey()), target.getKey().table(), shape,
                    target.getValue());
            conflicting += target.getValue().size() - inPlace.size();
            if (mode == ReshardMode.MOVE && !inPlace.isEmpty()) {
                deleted += this.mover.delete(tables.connection(source), source.table(), shape, inPlace);
            }
        }
        return new ReshardReport(page.size(), misplaced, misplaced, deleted, conflicting);
    }

}
