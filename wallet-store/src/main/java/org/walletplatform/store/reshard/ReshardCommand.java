package org.walletplatform.store.reshard;

import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
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

    private static final String USAGE = "usage: ./wallet reshard --from=YAML --to=YAML [--mode=check|copy|move]";

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        // the drivers' and Flyway's INFO lines would bury the report; Logback's own
        // default, without Boot to set it up, is DEBUG
        LoggingSystem logging = LoggingSystem.get(ReshardCommand.class.getClassLoader());
        logging.beforeInitialize();
        logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.WARN);
        Mode mode;
        Resource to;
        SnapshotResharder resharder;
        try {
            if (!options.containsKey("from") || !options.containsKey("to")) {
                throw new IllegalArgumentException("--from and --to are required");
            }
            String named = options.getOrDefault("mode", "check");
            mode = Arrays.stream(Mode.values())
                .filter((m) -> m.name().equalsIgnoreCase(named))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no mode " + named));
            DefaultResourceLoader resources = new DefaultResourceLoader();
            to = ShardingConfig.resource(resources, options.get("to"));
            // both layouts are read before anything is written: a file that cannot be
            // resharded this way is refused first
            resharder = new SnapshotResharder(
                    ShardLayout.of(ShardingConfig.resource(resources, options.get("from")), SnapshotStore.TABLE),
                    ShardLayout.of(to, SnapshotStore.TABLE));
        }
        catch (IllegalArgumentException | UncheckedIOException ex) {
            System.err.println("./wallet reshard: " + ex.getMessage() + "\n" + USAGE);
            System.exit(2);
            return;
        }
        if (mode != Mode.CHECK) {
            ShardingConfig.load(to).migrateShards("classpath:db/wallet");
        }
        Report report = resharder.run(mode);
        System.out.printf(
                "%s: %d rows read (a row this run copied is read again where it landed), %d out of place, %d copied, %d deleted from where they were%n",
                mode, report.scanned(), report.misplaced(), report.copied(), report.deleted());
        long leftOutOfPlace = switch (mode) {
            case CHECK -> report.misplaced();
            case COPY -> 0;
            case MOVE -> report.misplaced() - report.deleted();
        };
        System.exit((leftOutOfPlace == 0) ? 0 : 3);
    }

}
