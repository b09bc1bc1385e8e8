package org.walletplatform.store.shard;

import java.util.Collection;
import java.util.Properties;

import org.apache.shardingsphere.sharding.api.sharding.standard.PreciseShardingValue;
import org.apache.shardingsphere.sharding.api.sharding.standard.RangeShardingValue;
import org.apache.shardingsphere.sharding.api.sharding.standard.StandardShardingAlgorithm;

/**
 * Routes a user id to its database ({@code user_id % databases}) or, within it, to its
 * table ({@code (user_id / databases) % tables}), so every (database, table) pair holds
 * an even share and one user's rows always sit together. Plugged in as ShardingSphere's
 * {@code CLASS_BASED} algorithm with props {@code level} ({@code database} or
 * {@code table}), {@code databases} and {@code tables}. It replaces {@code INLINE} Groovy
 * expressions, which were evaluated per row and showed in the sync worker's profile.
 */
public final class UserIdShardingAlgorithm implements StandardShardingAlgorithm<Comparable<?>> {

    private boolean databaseLevel;

    private int databases;

    private int tables;

    @Override
    public void init(Properties props) {
        this.databaseLevel = "database".equals(props.getProperty("level"));
        this.databases = Integer.parseInt(props.getProperty("databases"));
        this.tables = Integer.parseInt(props.getProperty("tables"));
        if (!this.databaseLevel && !"table".equals(props.getProperty("level"))) {
            throw new IllegalArgumentException("level must be 'database' or 'table'");
        }
    }

    @Override
    public String doSharding(Collection<String> availableTargetNames, PreciseShardingValue<Comparable<?>> value) {
        String suffix = "_" + index(((Number) value.getValue()).longValue());
        for (String target : availableTargetNames) {
            if (target.endsWith(suffix)) {
                return target;
            }
        }
        throw new IllegalStateException("No target ending in " + suffix + " among " + availableTargetNames);
    }

    /** Ranges of user ids are not routed: every target may hold some. */
    @Override
    public Collection<String> doSharding(Collection<String> availableTargetNames,
            RangeShardingValue<Comparable<?>> value) {
        return availableTargetNames;
    }

    long index(long userId) {
        return this.databaseLevel ? Math.floorMod(userId, this.databases)
                : Math.floorMod(userId / this.databases, this.tables);
    }

    @Override
    public String getType() {
        return "WALLET_USER_ID";
    }

}
