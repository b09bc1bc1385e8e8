package org.walletplatform.store.shard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.apache.shardingsphere.driver.yaml.YamlJDBCConfiguration;
import org.apache.shardingsphere.infra.util.yaml.YamlEngine;
import org.flywaydb.core.Flyway;

import org.springframework.core.io.Resource;

/**
 * The physical shards named in a ShardingSphere YAML file. The same file drives routing
 * (through the driver) and migrations (here), so the list of shards lives in one place.
 * Flyway migrates each physical database directly: DDL through ShardingSphere would be
 * rewritten per logical table.
 */
public final class ShardingConfig {

    static final String MIGRATIONS = "classpath:db/wallet";

    private final List<PhysicalShard> shards;

    private ShardingConfig(List<PhysicalShard> shards) {
        this.shards = shards;
    }

    public static ShardingConfig load(Resource yaml) {
        try (InputStream in = yaml.getInputStream()) {
            YamlJDBCConfiguration config = YamlEngine.unmarshal(in.readAllBytes(), YamlJDBCConfiguration.class);
            return new ShardingConfig(config.getDataSources().entrySet().stream().map(ShardingConfig::shard).toList());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read sharding config " + yaml, ex);
        }
    }

    private static PhysicalShard shard(Map.Entry<String, Map<String, Object>> entry) {
        Map<String, Object> props = entry.getValue();
        Object password = props.get("password");
        return new PhysicalShard(entry.getKey(), (String) props.get("jdbcUrl"), (String) props.get("username"),
                (password != null) ? password.toString() : "");
    }

    /**
     * Creates each shard database if missing and brings its schema to the latest version.
     */
    public void migrateShards() {
        for (PhysicalShard shard : this.shards) {
            Flyway.configure()
                .dataSource(shard.creatingUrl(), shard.username(), shard.password())
                .locations(MIGRATIONS)
                .load()
                .migrate();
        }
    }

    /** One physical database of the sharded store. */
    public record PhysicalShard(String name, String jdbcUrl, String username, String password) {

        String creatingUrl() {
            return this.jdbcUrl + (this.jdbcUrl.contains("?") ? "&" : "?") + "createDatabaseIfNotExist=true";
        }

    }

}
