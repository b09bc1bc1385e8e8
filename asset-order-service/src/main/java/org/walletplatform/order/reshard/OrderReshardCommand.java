package org.walletplatform.order.reshard;

import java.util.List;

import org.walletplatform.sharding.ShardLayout;
import org.walletplatform.sharding.reshard.FrozenRows;
import org.walletplatform.sharding.reshard.ReshardCommandLine;
import org.walletplatform.sharding.reshard.ReshardReport;
import org.walletplatform.sharding.reshard.TableResharder;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

/**
 * {@code ./wallet reshard --service=order --from=YAML --to=YAML [--mode=check|copy|move] [--force]}:
 * moves the order center's rows (orders, the red-packet ledger, withdrawals: every table
 * the new YAML shards) where a new layout routes them, with the order service stopped
 * (docs/architecture.md, "Resharding"; options and exit codes:
 * {@link ReshardCommandLine}). These tables hold money: a row leaves its old place only
 * once its copy equals it column for column ({@link FrozenRows}), and a copy or a move is
 * refused (exit 4) while anything else is connected to the order databases, as the
 * running service is. The new layout's databases and tables are made by the service's own
 * migrations.
 */
public final class OrderReshardCommand {

    private OrderReshardCommand() {
    }

    public static void main(String[] args) throws Exception {
        // the drivers' and Flyway's INFO lines would bury the report
        LoggingSystem logging = LoggingSystem.get(OrderReshardCommand.class.getClassLoader());
        logging.beforeInitialize();
        logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.WARN);
        ReshardCommandLine.run("./wallet reshard --service=order", args, "classpath:db/order", (from, to) -> {
            List<TableResharder> tables = ShardLayout.shardedTables(to)
                .stream()
                .map((table) -> new TableResharder(ShardLayout.of(from, table), ShardLayout.of(to, table),
                        new FrozenRows()))
                .toList();
            return (mode) -> {
                ReshardReport total = ReshardReport.NONE;
                for (TableResharder table : tables) {
                    total = total.plus(table.run(mode));
                }
                return total;
            };
        }, true);
    }

}
