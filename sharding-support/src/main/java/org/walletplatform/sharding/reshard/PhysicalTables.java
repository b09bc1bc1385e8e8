package org.walletplatform.sharding.reshard;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.walletplatform.sharding.ShardLayout;
import org.walletplatform.sharding.ShardLayout.Location;

/**
 * The physical tables a resharding run works on, each reached over one plain JDBC
 * connection per database (no ShardingSphere: the run reads and writes where rows are,
 * not where a layout routes them).
 */
public final class PhysicalTables implements AutoCloseable {

    /** MySQL's error codes for a database or a table that does not exist. */
    private static final int UNKNOWN_DATABASE = 1049;

    private static final int UNKNOWN_TABLE = 1146;

    private final Map<String, Connection> connections = new LinkedHashMap<>();

    /** A run's work on one physical table. */
    @FunctionalInterface
    public interface TableRun {

        ReshardReport reshard(Location source, PhysicalTables tables) throws SQLException;

    }

    /**
     * Runs {@code run} on every physical table of both layouts that exists, each once,
     * and adds up the reports: a run reads both layouts, so it finds rows wherever an
     * interrupted run left them.
     */
    public static ReshardReport forEachTable(ShardLayout from, ShardLayout to, TableRun run) throws SQLException {
        try (PhysicalTables tables = new PhysicalTables()) {
            ReshardReport total = ReshardReport.NONE;
            for (Location source : ofBoth(from, to)) {
                if (tables.exists(source)) {
                    total = total.plus(run.reshard(source, tables));
                }
            }
            return total;
        }
    }

    private static List<Location> ofBoth(ShardLayout from, ShardLayout to) {
        List<Location> tables = new ArrayList<>();
        for (Location location : Stream.concat(from.locations().stream(), to.locations().stream()).toList()) {
            if (tables.stream().noneMatch(location::sameAs)) {
                tables.add(location);
            }
        }
        return tables;
    }

    public Connection connection(Location location) throws SQLException {
        Connection open = this.connections.get(location.databaseUrl());
        if (open == null) {
            open = DriverManager.getConnection(location.database().jdbcUrl(), location.database().username(),
                    location.database().password());
            this.connections.put(location.databaseUrl(), open);
        }
        return open;
    }

    /**
     * Whether the table is there: a check runs before the new layout's databases and
     * tables are made, and one that is not there holds no rows.
     */
    public boolean exists(Location location) throws SQLException {
        try (PreparedStatement probe = connection(location)
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

    @Override
    public void close() throws SQLException {
        for (Connection connection : this.connections.values()) {
            connection.close();
        }
    }

}
