package org.walletplatform.sharding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.shardingsphere.driver.yaml.YamlJDBCConfiguration;
import org.apache.shardingsphere.infra.algorithm.core.yaml.YamlAlgorithmConfiguration;
import org.apache.shardingsphere.infra.util.yaml.YamlEngine;
import org.apache.shardingsphere.sharding.yaml.config.YamlShardingRuleConfiguration;
import org.apache.shardingsphere.sharding.yaml.config.rule.YamlTableRuleConfiguration;
import org.walletplatform.sharding.ShardingConfig.PhysicalShard;

import org.springframework.core.io.Resource;

/**
 * Where one logical table's rows live under a ShardingSphere YAML routed by
 * {@link IdShardingAlgorithm}: the physical database and table of an id, computed the way
 * ShardingSphere routes it. Read from the same file the services route with, so a
 * resharding tool compares two layouts without a second description of either.
 */
public final class ShardLayout {

    private final String logicalTable;

    private final String shardingColumn;

    private final List<PhysicalShard> databases;

    private final int tables;

    private final IdShardingAlgorithm databaseIndex = new IdShardingAlgorithm();

    private final IdShardingAlgorithm tableIndex = new IdShardingAlgorithm();

    private ShardLayout(String logicalTable, String shardingColumn, List<PhysicalShard> databases, int tables) {
        this.logicalTable = logicalTable;
        this.shardingColumn = shardingColumn;
        this.databases = databases;
        this.tables = tables;
        this.databaseIndex.init(props("database", databases.size(), tables));
        this.tableIndex.init(props("table", databases.size(), tables));
    }

    /**
     * The layout of {@code logicalTable} in {@code yaml}; refused unless both levels use
     * {@link IdShardingAlgorithm} with the same {@code databases} and {@code tables}, and
     * a data source ends in {@code _i} for every database index {@code i}.
     */
    public static ShardLayout of(Resource yaml, String logicalTable) {
        YamlJDBCConfiguration config = read(yaml);
        YamlShardingRuleConfiguration rule = shardingRule(config, yaml);
        YamlTableRuleConfiguration table = rule.getTables().get(logicalTable);
        if (table == null) {
            throw new IllegalArgumentException(yaml + " does not shard " + logicalTable);
        }
        Properties database = idAlgorithm(rule, table.getDatabaseStrategy().getStandard().getShardingAlgorithmName(),
                "database");
        Properties tableLevel = idAlgorithm(rule, table.getTableStrategy().getStandard().getShardingAlgorithmName(),
                "table");
        String column = table.getDatabaseStrategy().getStandard().getShardingColumn();
        if (!column.equals(table.getTableStrategy().getStandard().getShardingColumn())) {
            throw new IllegalArgumentException(
                    yaml + ": " + logicalTable + " is sharded by different columns at database and table level");
        }
        if (!prop(database, "databases").equals(prop(tableLevel, "databases"))
                || !prop(database, "tables").equals(prop(tableLevel, "tables"))) {
            throw new IllegalArgumentException(yaml + ": the database and table algorithms of " + logicalTable
                    + " disagree on databases or tables");
        }
        int databases = Integer.parseInt(prop(database, "databases"));
        Map<String, PhysicalShard> shards = ShardingConfig.shards(config);
        List<PhysicalShard> byIndex = new ArrayList<>();
        for (int i = 0; i < databases; i++) {
            String suffix = "_" + i;
            byIndex.add(shards.entrySet()
                .stream()
                .filter((s) -> s.getKey().endsWith(suffix))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(yaml + " has no data source ending in " + suffix)));
        }
        return new ShardLayout(logicalTable, column, List.copyOf(byIndex), Integer.parseInt(prop(database, "tables")));
    }

    /** The logical tables {@code yaml} shards, sorted. */
    public static List<String> shardedTables(Resource yaml) {
        return shardingRule(read(yaml), yaml).getTables().keySet().stream().sorted().toList();
    }

    private static YamlJDBCConfiguration read(Resource yaml) {
        try (InputStream in = yaml.getInputStream()) {
            return YamlEngine.unmarshal(in.readAllBytes(), YamlJDBCConfiguration.class);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read sharding config " + yaml, ex);
        }
    }

    private static YamlShardingRuleConfiguration shardingRule(YamlJDBCConfiguration config, Resource yaml) {
        return config.getRules()
            .stream()
            .filter(YamlShardingRuleConfiguration.class::isInstance)
            .map(YamlShardingRuleConfiguration.class::cast)
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException(yaml + " has no sharding rule"));
    }

    private static Properties idAlgorithm(YamlShardingRuleConfiguration rule, String name, String level) {
        YamlAlgorithmConfiguration algorithm = rule.getShardingAlgorithms().get(name);
        if (algorithm == null || !"CLASS_BASED".equals(algorithm.getType())
                || !IdShardingAlgorithm.class.getName().equals(prop(algorithm.getProps(), "algorithmClassName"))
                || !level.equals(prop(algorithm.getProps(), "level"))) {
            throw new IllegalArgumentException(
                    "The " + level + " algorithm " + name + " is not " + IdShardingAlgorithm.class.getSimpleName()
                            + " at level " + level + ": only such layouts can be computed here");
        }
        return algorithm.getProps();
    }

    /** A prop as text: YAML gives numbers as numbers. */
    private static String prop(Properties props, String key) {
        return String.valueOf(props.get(key));
    }

    private static Properties props(String level, int databases, int tables) {
        Properties props = new Properties();
        props.setProperty("level", level);
        props.setProperty("databases", Integer.toString(databases));
        props.setProperty("tables", Integer.toString(tables));
        return props;
    }

    /** The column whose value routes a row. */
    public String shardingColumn() {
        return this.shardingColumn;
    }

    /** Where the rows of {@code id} live. */
    public Location locate(long id) {
        return new Location(this.databases.get((int) this.databaseIndex.index(id)),
                this.logicalTable + "_" + this.tableIndex.index(id));
    }

    /** Every physical table of the logical table. */
    public List<Location> locations() {
        List<Location> all = new ArrayList<>();
        for (PhysicalShard database : this.databases) {
            for (int t = 0; t < this.tables; t++) {
                all.add(new Location(database, this.logicalTable + "_" + t));
            }
        }
        return all;
    }

    /**
     * One physical table. Two layouts name the same one when its database's JDBC URL
     * (without parameters) and the table agree, whatever the data source is called.
     */
    public record Location(PhysicalShard database, String table) {

        public String databaseUrl() {
            String url = this.database.jdbcUrl();
            return url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        }

        public boolean sameAs(Location other) {
            return databaseUrl().equals(other.databaseUrl()) && this.table.equals(other.table);
        }

        @Override
        public String toString() {
            return databaseUrl() + " " + this.table;
        }

    }

}
