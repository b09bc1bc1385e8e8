package org.walletplatform.sharding.reshard;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.walletplatform.sharding.ShardingConfig.PhysicalShard;

/**
 * Who else is connected to the shards' databases: a service running on them holds pooled
 * connections to every one (MySQL's process list names each connection's database), so a
 * tool that must run with the service stopped can tell when it is not.
 */
public final class OtherClients {

    /** MySQL's error code for a database that does not exist (yet). */
    private static final int UNKNOWN_DATABASE = 1049;

    private OtherClients() {
    }

    /**
     * Connections other than this one's to each database of {@code shards}, by database
     * URL (without parameters); a database with none, or not there yet, is left out.
     */
    public static Map<String, Long> connectedTo(Collection<PhysicalShard> shards) throws SQLException {
        Map<String, Long> busy = new LinkedHashMap<>();
        for (PhysicalShard shard : shards) {
            String url = shard.jdbcUrl().contains("?") ? shard.jdbcUrl().substring(0, shard.jdbcUrl().indexOf('?'))
                    : shard.jdbcUrl();
            if (busy.containsKey(url)) {
                continue;
            }
            long others = others(shard);
            if (others > 0) {
                busy.put(url, others);
            }
        }
        return busy;
    }

    private static long others(PhysicalShard shard) throws SQLException {
        try (Connection connection = DriverManager.getConnection(shard.jdbcUrl(), shard.username(), shard.password());
                PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM"
                        + " information_schema.processlist WHERE db = DATABASE() AND id <> CONNECTION_ID()");
                ResultSet result = count.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
        catch (SQLException ex) {
            if (ex.getErrorCode() == UNKNOWN_DATABASE) {
                return 0;
            }
            throw ex;
        }
    }

}
