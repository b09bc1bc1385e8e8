package org.walletplatform.store.reshard;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.walletplatform.sharding.ShardLayout;
import org.walletplatform.sharding.ShardingConfig;
import org.walletplatform.store.reshard.SnapshotResharder.Mode;
import org.walletplatform.store.reshard.SnapshotResharder.Report;
import org.walletplatform.store.snapshot.SnapshotStore;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;

/**
 * {@code ./wallet reshard --from=YAML --to=YAML [--mode=check|copy|move]}: the resharding
 * procedure's tool (docs/architecture.md, "Resharding"). The YAMLs are ShardingSphere
 * files as the services take them ({@code classpath:} or {@code absolutepath:}). Before
 * copying, the new layout's databases and tables are created by the store's own
 * migrations. Exits 0 when no row is left out of place (or, for {@code check}, when none
 * is), 3 when some are.
 */
public final class ReshardCommand {

    private ReshardCommand() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        if (!options.containsKey("from") || !options.containsKey("to")) {
            System.err.println("usage: ./wallet reshard --from=YAML --to=YAML [--mode=check|copy|move]");
            System.exit(2);
        }
        // the drivers' and Flyway's INFO lines would bury the report; Logback's own
        // default, without Boot to set it up, is DEBUG
        LoggingSystem logging = LoggingSystem.get(ReshardCommand.class.getClassLoader());
        logging.beforeInitialize();
        logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.WARN);
        Mode mode = Mode.valueOf(options.getOrDefault("mode", "check").toUpperCase(Locale.ROOT));
        DefaultResourceLoader resources = new DefaultResourceLoader();
        Resource from = ShardingConfig.resource(resources, options.get("from"));
        Resource to = ShardingConfig.resource(resources, options.get("to"));
        if (mode != Mode.CHECK) {
            ShardingConfig.load(to).migrateShards("classpath:db/wallet");
        }
        Report report = new SnapshotResharder(ShardLayout.of(from, SnapshotStore.TABLE),
                ShardLayout.of(to, SnapshotStore.TABLE))
            .run(mode);
        System.out.printf("%s: %d rows read, %d out of place, %d copied, %d deleted from where they were%n", mode,
                report.scanned(), report.misplaced(), report.copied(), report.deleted());
        long leftOutOfPlace = switch (mode) {
            case CHECK -> report.misplaced();
            case COPY -> 0;
            case MOVE -> report.misplaced() - report.deleted();
        };
        System.exit((leftOutOfPlace == 0) ? 0 : 3);
    }

}
