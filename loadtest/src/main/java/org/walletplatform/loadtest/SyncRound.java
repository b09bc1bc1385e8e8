package org.walletplatform.loadtest;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One round of the sync benchmark: the two raw baselines, then the end-to-end run, each
 * starting as the round before left the machine. Warm-up rounds are the same rounds with
 * their figures set aside.
 */
final class SyncRound {

    static final List<String> LINES = List.of("cash", "cashback", "coupons", "coins");

    /**
     * Three passes of the round's users: one pass of 10,000 single calls lasted ~0.6 s
     * and swung 13.7-20.1 k/s between neighbouring rounds, while the end-to-end rate held
     * within 10 %.
     */
    private static final int BASELINE_PASSES = 3;

    private static final long FIRST_USER = 50_000_001L;

    private final SnapshotApiBaseline api;

    private final JdbcUpsertBaseline jdbc;

    private final SyncMetricsScrape worker;

    private final EndToEndRun endToEnd;

    private final Shape shape;

    SyncRound(SnapshotApiBaseline api, JdbcUpsertBaseline jdbc, SyncMetricsScrape worker, EndToEndRun endToEnd,
            Shape shape) {
        this.api = api;
        this.jdbc = jdbc;
        this.worker = worker;
        this.endToEnd = endToEnd;
        this.shape = shape;
    }

    Measured run() throws Exception {
        Baselines baselines = this.shape.baselines() ? baselines() : Baselines.NONE;
        SyncMetricsScrape.Counts before = this.worker.read();
        EndToEndRun.Result result = this.endToEnd.run(FIRST_USER, this.shape.users(), LINES, this.shape.changes());
        return new Measured(baselines, result, this.worker.read().minus(before));
    }

    /** The two raw baselines, as a round measures them before its end-to-end run. */
    Baselines baselines() throws Exception {
        int users = this.shape.users();
        double single = this.api.single("coins", 1, users, BASELINE_PASSES, this.shape.concurrency());
        double batch = this.api.batch("cash", 1, users, BASELINE_PASSES, this.shape.concurrency());
        double rows = this.jdbc.rowsPerSecond("wallet_asset_snapshot_0", 70_000_000L,
                Math.max(50_000, users * LINES.size()));
        return new Baselines(single, batch, rows);
    }

    /**
     * The rounds' ratios and their median, against the baselines before each end-to-end
     * run and against the mean of those before and after it ({@code after}: measured
     * after the last round).
     */
    static String summary(List<Measured> rounds, Baselines after) {
        List<Double> before = new ArrayList<>();
        List<Double> bracketed = new ArrayList<>();
        for (int r = 0; r < rounds.size(); r++) {
            before.add(rounds.get(r).ratio());
            bracketed
                .add(rounds.get(r).ratioBracketed((r + 1 < rounds.size()) ? rounds.get(r + 1).baselines() : after));
        }
        return String.format(
                "e2e / lower baseline: median %.2f× (%s); against the mean of the baselines just before and just after each end-to-end run: median %.2f× (%s)",
                median(before), joined(before), median(bracketed), joined(bracketed));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static String joined(List<Double> ratios) {
        return ratios.stream().map((ratio) -> String.format("%.2f", ratio)).collect(Collectors.joining(" / "));
    }

    /**
     * @param baselines false to run the end-to-end part alone (for profiling)
     */
    record Shape(int users, int changes, int concurrency, boolean baselines) {
    }

    /**
     * The raw baselines of one measurement: API single and batch calls in snapshots per
     * second, and the JDBC upsert in rows per second.
     */
    record Baselines(double single, double batch, double rows) {

        static final Baselines NONE = new Baselines(Double.NaN, Double.NaN, Double.NaN);

        /**
         * The wallet's pulls mix two batch-form and two single-form lines: its API
         * baseline is that mix.
         */
        double apiMix() {
            return LINES.size() / (2 / this.batch + 2 / this.single);
        }

        /** The lower of the API mix and the JDBC upsert: the goal's yardstick. */
        double lower() {
            return Math.min(apiMix(), this.rows);
        }

    }

    /**
     * A round's figures; {@code worker} holds the sync worker's counters over the
     * end-to-end run.
     */
    record Measured(Baselines baselines, EndToEndRun.Result endToEnd, SyncMetricsScrape.Counts worker) {

        static final String HEADER = """
                | round | API single /s | API batch /s | JDBC upsert rows/s | end-to-end snapshots/s | e2e / lower baseline | notifications per pull | rows verified |
                |---|---|---|---|---|---|---|---|""";

        /** End to end against the lower baseline measured just before it. */
        double ratio() {
            return this.endToEnd.snapshotsPerSecond() / this.baselines.lower();
        }

        /**
         * End to end against the mean of the lower baselines measured just before it and
         * just after it (the next round's, or one measured after the last round): the
         * box's speed drifted by a third within a minute (BENCHMARKS.md, stop 33), and a
         * drift that is linear over a round cancels.
         */
        double ratioBracketed(Baselines after) {
            return this.endToEnd.snapshotsPerSecond() / ((this.baselines.lower() + after.lower()) / 2);
        }

        double workerJitShare() {
            return this.worker.jitSeconds() / this.endToEnd.seconds();
        }

        String row(int round) {
            EndToEndRun.Result e = this.endToEnd;
            Baselines b = this.baselines;
            return String.format(
                    "| %d | %.0f | %.0f | %.0f | %.0f (%.2f s, push %.2f s, after push %.2f s, harness %.2f CPU-s, worker JIT %.2f s) | %.2f× (API mix %.0f /s) | %.2f | %d / %d |",
                    round, b.single(), b.batch(), b.rows(), e.snapshotsPerSecond(), e.seconds(), e.pushSeconds(),
                    e.afterPushSeconds(), e.harnessCpuSeconds(), this.worker.jitSeconds(), ratio(), b.apiMix(),
                    this.worker.notifications() / Math.max(1, this.worker.snapshotsStored()), e.rowsInMysql(),
                    e.snapshots());
        }

    }

}
