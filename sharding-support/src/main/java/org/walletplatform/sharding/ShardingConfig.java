package org.walletplatform.sharding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.apache.shardingsphere.driver.ShardingSphereDriver;
import org.apache.shardingsphere.driver.yaml.YamlJDBCConfiguration;
import org.apache.shardingsphere.infra.util.yaml.YamlEngine;
import org.flywaydb.core.Flyway;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * The physical shards named in a ShardingSphere YAML file. The same file drives routing
 * (through the driver) and migrations (here), so the list of shards lives in one place.
 * Flyway migrates each physical database directly: DDL through ShardingSphere would be
 * rewritten per logical table.
 */
public final class ShardingConfig {

    private final List<PhysicalShard> shards;

    private ShardingConfig(List<PhysicalShard> shards) {
        this.shards = shards;
    }

    public static ShardingConfig load(Resource yaml) {
        try (InputStream in = yaml.getInputStream()) {
            YamlJDBCConfiguration config = YamlEngine.unmarshal(in.readAllBytes(), YamlJDBCConfiguration.class);
            return new ShardingConfig(List.copyOf(shards(config).values()));
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read sharding config " + yaml, ex);
        }
    }

    /** The physical shards, in the file's order. */
    public List<PhysicalShard> shards() {
        return this.shards;
    }

    /** The file's data sources by name, in its order. */
    static Map<String, PhysicalShard> shards(YamlJDBCConfiguration config) {
        Map<String, PhysicalShard> shards = new LinkedHashMap<>();
        config.getDataSources().entrySet().forEach((entry) -> shards.put(entry.getKey(), shard(entry)));
        return shards;
    }

    private static PhysicalShard shard(Map.Entry<String, Map<String, Object>> entry) {
        Map<String, Object> props = entry.getValue();
        if (!(props.get("connectionTimeout") instanceof Number)) {
            throw new IllegalStateException("Shard " + entry.getKey() + " sets no connectionTimeout (ms): without it a"
                    + " request waits Hikari's default 30 s for a connection while MySQL is down");
        }
        Object password = props.get("password");
        return new PhysicalShard(entry.getKey(), (String) props.get("jdbcUrl"), (String) props.get("username"),
                (password != null) ? password.toString() : "");
    }

    /**
     * Creates each shard database if missing and brings its schema to the latest version
     * with the Flyway migrations at {@code migrations} (e.g.
     * {@code classpath:db/wallet}).
     */
    public void migrateShards(String migrations) {
        for (PhysicalShard shard : this.shards) {
            Flyway.configure()
                .dataSource(shard.creatingUrl(), shard.username(), shard.password())
                .locations(migrations)
                .load()
                .migrate();
        }
    }

    /**
     * The sharded data source a service talks to: the ShardingSphere-JDBC driver on
     * {@code yaml} behind a Hikari pool, READ COMMITTED on every shard. With
     * {@code migrations}, the shards are migrated first, because ShardingSphere connects
     * to every shard on start. Every shard pool must set its own
     * {@code connectionTimeout}; {@code connectionTimeout} here bounds the wait for this
     * outer pool, so a store outage is a quick 503, not a held request.
     * @param yaml the ShardingSphere YAML, e.g. {@code classpath:sharding-default.yaml}
     * or {@code absolutepath:/etc/wallet/sharding.yaml}
     * @param migrations the Flyway location to migrate every shard with, or null not to
     * migrate
     */
    public static DataSource dataSource(ResourceLoader resources, String yaml, String migrations, int poolSize,
            Duration connectionTimeout, String poolName) {
        ShardingConfig config = load(resource(resources, yaml));
        if (migrations != null) {
            config.migrateShards(migrations);
        }
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName(poolName);
        pool.setDriverClassName(ShardingSphereDriver.class.getName());
        pool.setJdbcUrl("jdbc:shardingsphere:" + yaml);
        pool.setMaximumPoolSize(poolSize);
        pool.setConnectionTimeout(connectionTimeout.toMillis());
        // set on every new connection and restored whenever a borrower changed it.
        // Without it the pool "restores" the level a ShardingSphere connection reports
        // before its first statement, READ UNCOMMITTED, which that connection then
        // replays on every shard connection it opens (dirty reads, seen twice)
        pool.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        return pool;
    }

    /**
     * The YAML as a resource, if ShardingSphere's driver can load it too: it knows
     * {@code classpath:} and {@code absolutepath:} (a file to Spring) only, and with
     * anything else (e.g. {@code file:}) every connection attempt would fail long after
     * start.
     */
    public static Resource resource(ResourceLoader resources, String yaml) {
        String absolute = "absolutepath:";
        if (yaml.startsWith(absolute)) {
            return new FileSystemResource(yaml.substring(absolute.length()));
        }
        if (!yaml.startsWith("classpath:")) {
            throw new IllegalArgumentException("Sharding config " + yaml
                    + " must start with classpath: or absolutepath: (ShardingSphere's loaders)");
        }
        return resources.getResource(yaml);
    }

    /** One physical database of the sharded store. */
    public record PhysicalShard(String name, String jdbcUrl, String username, String password) {

        String creatingUrl() {
            return this.jdbcUrl + (this.jdbcUrl.contains("?") ? "&" : "?") + "createDatabaseIfNotExist=true";
        }

    }

}
