package org.walletplatform.sharding.reshard;

import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.walletplatform.sharding.ShardingConfig;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;

/**
 * The command line every resharding tool shares: {@code --from=YAML --to=YAML
 * [--mode=check|copy|move]}, the YAMLs ShardingSphere files as the services take them
 * ({@code classpath:} or {@code absolutepath:}). Both layouts are read before anything is
 * written, so a file that cannot be resharded is refused first; before copying, the new
 * layout's databases and tables are created by the owner's own migrations. Exits 0 when
 * no row is left out of place (for {@code check}: none is), 2 on bad arguments, 3 while
 * rows are.
 */
public final class ReshardCommandLine {

    /** A planned run over both layouts. */
    @FunctionalInterface
    public interface Resharding {

        ReshardReport run(ReshardMode mode) throws SQLException;

    }

    /**
     * Plans a run from the two layouts; throws {@link IllegalArgumentException} for one
     * it cannot do.
     */
    @FunctionalInterface
    public interface Planner {

        Resharding plan(Resource from, Resource to);

    }

    private ReshardCommandLine() {
    }

    /** For a tool whose tables' owner may keep running. */
    public static void run(String command, String[] args, String migrations, Planner planner) throws SQLException {
        run(command, args, migrations, planner, false);
    }

    /**
     * @param ownerStopped whether the tables' owner must be stopped: then a copy or a
     * move is refused (exit 4) while any other client is connected to a database of
     * either layout ({@link OtherClients}), unless {@code --force}
     */
    public static void run(String command, String[] args, String migrations, Planner planner, boolean ownerStopped)
            throws SQLException {
        String usage = "usage: " + command + " --from=YAML --to=YAML [--mode=check|copy|move]"
                + (ownerStopped ? " [--force]" : "");
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
            else if (arg.equals("--force")) {
                options.put("force", "true");
            }
        }
        ReshardMode mode;
        Resource from;
        Resource to;
        Resharding resharding;
        try {
            if (!options.containsKey("from") || !options.containsKey("to")) {
                throw new IllegalArgumentException("--from and --to are required");
            }
            String named = options.getOrDefault("mode", "check");
            mode = Arrays.stream(ReshardMode.values())
                .filter((m) -> m.name().equalsIgnoreCase(named))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no mode " + named));
            DefaultResourceLoader resources = new DefaultResourceLoader();
            to = ShardingConfig.resource(resources, options.get("to"));
            from = ShardingConfig.resource(resources, options.get("from"));
            resharding = planner.plan(from, to);
        }
        catch (IllegalArgumentException | UncheckedIOException ex) {
            System.err.println(command + ": " + ex.getMessage() + "\n" + usage);
            System.exit(2);
            return;
        }
        if (mode != ReshardMode.CHECK && ownerStopped && !options.containsKey("force")) {
            Map<String, Long> busy = OtherClients.connectedTo(Stream
                .concat(ShardingConfig.load(from).shards().stream(), ShardingConfig.load(to).shards().stream())
                .toList());
            if (!busy.isEmpty()) {
                System.err.println(command + ": other clients are connected " + busy
                        + ": stop the service that owns these tables first (--force to go on anyway)");
                System.exit(4);
                return;
            }
        }
        if (mode != ReshardMode.CHECK) {
            ShardingConfig.load(to).migrateShards(migrations);
        }
        ReshardReport report = resharding.run(mode);
        System.out.printf(
                "%s: %d rows read (a row this run copied is read again where it landed), %d out of place, %d copied,"
                        + " %d deleted from where they were, %d conflicting%n",
                mode, report.scanned(), report.misplaced(), report.copied(), report.deleted(), report.conflicting());
        if (report.conflicting() > 0) {
            System.err.println(command + ": " + report.conflicting() + " rows were left where they were: where the"
                    + " new layout routes them, another row holds their key and differs; look at both before"
                    + " running again");
        }
        System.exit((report.leftOutOfPlace(mode) == 0) ? 0 : 3);
    }

}
