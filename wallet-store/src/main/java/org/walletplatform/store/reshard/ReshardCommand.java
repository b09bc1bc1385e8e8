package org.walletplatform.store.reshard;

import org.walletplatform.sharding.ShardLayout;
import org.walletplatform.sharding.reshard.ReshardCommandLine;
import org.walletplatform.store.snapshot.SnapshotStore;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

/**
 * {@code ./wallet reshard --from=YAML --to=YAML [--mode=check|copy|move]}: the wallet's
 * resharding tool (docs/architecture.md, "Resharding"; options and exit codes:
 * {@link ReshardCommandLine}). The new layout's databases and tables are made by the
 * store's own migrations.
 */
public final class ReshardCommand {

    private ReshardCommand() {
    }

    public static void main(String[] args) throws Exception {
        quietLogging();
        ReshardCommandLine.run("./wallet reshard", args, "classpath:db/wallet",
                (from, to) -> new SnapshotResharder(ShardLayout.of(from, SnapshotStore.TABLE),
                        ShardLayout.of(to, SnapshotStore.TABLE))::run);
    }

    /**
     * The drivers' and Flyway's INFO lines would bury the report; Logback's own default,
     * without Boot to set it up, is DEBUG.
     */
    private static void quietLogging() {
        LoggingSystem logging = LoggingSystem.get(ReshardCommand.class.getClassLoader());
        logging.beforeInitialize();
        logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.WARN);
    }

}
