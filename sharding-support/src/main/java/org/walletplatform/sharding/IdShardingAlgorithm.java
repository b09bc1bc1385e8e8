package org.walletplatform.sharding;

import java.util.Collection;
import java.util.Properties;

import org.apache.shardingsphere.sharding.api.sharding.standard.PreciseShardingValue;
import org.apache.shardingsphere.sharding.api.sharding.standard.RangeShardingValue;
import org.apache.shardingsphere.sharding.api.sharding.standard.StandardShardingAlgorithm;

/**
 * Routes an id (a user id, an actID) to its database ({@code id % databases}) or, within
 * it, to its table ({@code (id / databases) % tables}), so every (database, table) pair
 * holds an even share and the rows of one id always sit together. Plugged in as
 * ShardingSphere's {@code CLASS_BASED} algorithm with props {@code level}
 * ({@code database} or {@code table}), {@code databases} and {@code tables}. It replaces
 * {@code INLINE} Groovy expressions, which were evaluated per row and showed in the sync
 * worker's profile.
 */
public final class IdShardingAlgorithm implements StandardShardingAlgorithm<Comparable<?>> {

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

    /** Ranges of ids are not routed: every target may hold some. */
    @Override
    public Collection<String> doSharding(Collection<String> availableTargetNames,
            RangeShardingValue<Comparable<?>> value) {
        return availableTargetNames;
    }

    long index(long id) {
        return this.databaseLevel ? Math.floorMod(id, this.databases) : Math.floorMod(id / this.databases, this.tables);
    }

    @Override
    public String getType() {
        return "WALLET_ID_MOD";
    }

}
