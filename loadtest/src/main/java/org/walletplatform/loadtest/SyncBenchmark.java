package org.walletplatform.loadtest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sync benchmark of BENCHMARKS.md, run against a platform started by
 * {@code ./wallet up}: end-to-end snapshots per second (push accepted → row in sharded
 * MySQL → Redis refreshed) beside two raw baselines measured in the same run. Arguments:
 * {@code --users=10000 --changes=1 --concurrency=32 --rounds=3}, and
 * {@code --baselines=false} to run the end-to-end part alone (for profiling). After the
 * rounds it measures the baselines once more and prints the ratios' median, also against
 * the mean of the baselines just before and just after each end-to-end run.
 */
public final class SyncBenchmark {

    private SyncBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        SyncRound.Shape shape = new SyncRound.Shape(Integer.parseInt(options.getOrDefault("users", "10000")),
                Integer.parseInt(options.getOrDefault("changes", "1")),
                Integer.parseInt(options.getOrDefault("concurrency", "32")), !"false".equals(options.get("baselines")));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
        String simulator = options.getOrDefault("simulator", "http://127.0.0.1:8090");
        Http http = new Http();
        SyncMetricsScrape metrics = new SyncMetricsScrape(http,
                options.getOrDefault("sync-worker", "http://127.0.0.1:8083"));
        // the wallet's Redis: a redis:// URI, or a Redis Cluster's nodes (./wallet passes
        // them when the platform runs on one)
        try (EndToEndRun endToEnd = new EndToEndRun(http, simulator,
                options.getOrDefault("redis", "redis://127.0.0.1:6379/0"),
                "jdbc:mariadb://127.0.0.1:3306/wallet_ds_")) {
            SyncRound round = new SyncRound(new SnapshotApiBaseline(http, simulator),
                    new JdbcUpsertBaseline("jdbc:mariadb://127.0.0.1:3306/wallet_ds_0"), metrics, endToEnd, shape);
            System.out.printf("users=%d lines=%s changes/user=%d concurrency=%d rounds=%d%n", shape.users(),
                    SyncRound.LINES, shape.changes(), shape.concurrency(), rounds);
            warmUp(round, options);
            System.out.println(SyncRound.Measured.HEADER);
            String readService = options.getOrDefault("read-service", "http://127.0.0.1:8081");
            TreeMap<Double, Double> stalenessBefore = metrics.presenceStaleness(readService);
            List<SyncRound.Measured> measured = new ArrayList<>();
            for (int r = 1; r <= rounds; r++) {
                measured.add(round.run());
                System.out.println(measured.getLast().row(r));
            }
            if (shape.baselines()) {
                System.out.println(SyncRound.summary(measured, round.baselines()));
            }
            System.out.println("presence staleness on the read instance, database write to visible, all rounds: "
                    + SyncMetricsScrape.stalenessBetween(stalenessBefore, metrics.presenceStaleness(readService)));
        }
    }

    /**
     * Whole rounds, figures set aside: at least {@code --warmup-rounds} (3), then more
     * until the sync worker's JIT compilers spent at most a share of the end-to-end run
     * ({@code --settled-jit-share}, 0.10), at most {@code --max-warmup-rounds} (15).
     * <ul>
     * <li>Whole rounds, so each measured phase follows the same phases as it will in the
     * measured rounds. Warming the end-to-end path and then the API baseline for 30 s
     * apart (until stop 30) left this harness compiling its end-to-end path anew inside
     * the first measured round's clock: 0.6-0.9 s of its JIT there, 0.02-0.54 s in later
     * rounds.</li>
     * <li>Until the worker settles: a freshly started worker's compilers spent 10.2, 4.8,
     * 4.1, 3.5 and 2.2 s in its first five rounds and still 0.3-0.6 s (10-20 % of a
     * round) after twelve, so a fixed warm-up measured a worker still compiling against a
     * warm simulator.</li>
     * </ul>
     */
    private static void warmUp(SyncRound round, Map<String, String> options) throws Exception {
        int least = Integer.parseInt(options.getOrDefault("warmup-rounds", "3"));
        int most = Integer.parseInt(options.getOrDefault("max-warmup-rounds", "15"));
        double settled = Double.parseDouble(options.getOrDefault("settled-jit-share", "0.10"));
        for (int r = 1; r <= most; r++) {
            double jitShare = round.run().workerJitShare();
            if (r >= least && jitShare <= settled) {
                System.out.printf("warm-up: %d rounds (the worker's JIT %.0f %% of the last end-to-end run)%n", r,
                        jitShare * 100);
                return;
            }
            if (r == most) {
                System.out.printf(
                        "warm-up: %d rounds; the worker's JIT still took %.0f %% of the last end-to-end run%n", r,
                        jitShare * 100);
            }
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        return options;
    }

}
