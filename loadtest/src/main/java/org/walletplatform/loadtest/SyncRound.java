package org.walletplatform.loadtest;

import java.util.List;

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
        boolean baselines = this.shape.baselines();
        int users = this.shape.users();
        double single = baselines ? this.api.single("coins", 1, users, BASELINE_PASSES, this.shape.concurrency())
                : Double.NaN;
        double batch = baselines ? this.api.batch("cash", 1, users, BASELINE_PASSES, this.shape.concurrency())
                : Double.NaN;
        double rows = baselines ? this.jdbc.rowsPerSecond("wallet_asset_snapshot_0", 70_000_000L,
                Math.max(50_000, users * LINES.size())) : Double.NaN;
        SyncMetricsScrape.Counts before = this.worker.read();
        EndToEndRun.Result result = this.endToEnd.run(FIRST_USER, users, LINES, this.shape.changes());
        return new Measured(single, batch, rows, result, this.worker.read().minus(before));
    }

    /**
     * @param baselines false to run the end-to-end part alone (for profiling)
     */
    record Shape(int users, int changes, int concurrency, boolean baselines) {
    }

    /**
     * A round's figures; {@code worker} holds the sync worker's counters over the
     * end-to-end run.
     */
    record Measured(double single, double batch, double rows, EndToEndRun.Result endToEnd,
            SyncMetricsScrape.Counts worker) {

        static final String HEADER = """
                | round | API single /s | API batch /s | JDBC upsert rows/s | end-to-end snapshots/s | e2e / lower baseline | notifications per pull | rows verified |
                |---|---|---|---|---|---|---|---|""";

        /**
         * The wallet's pulls mix two batch-form and two single-form lines: its API
         * baseline is that mix.
         */
        double apiMix() {
            return LINES.size() / (2 / this.batch + 2 / this.single);
        }

        double workerJitShare() {
            return this.worker.jitSeconds() / this.endToEnd.seconds();
        }

        String row(int round) {
            EndToEndRun.Result e = this.endToEnd;
            return String.format(
                    "| %d | %.0f | %.0f | %.0f | %.0f (%.2f s, push %.2f s, after push %.2f s, harness %.2f CPU-s, worker JIT %.2f s) | %.2f× (API mix %.0f /s) | %.2f | %d / %d |",
                    round, this.single, this.batch, this.rows, e.snapshotsPerSecond(), e.seconds(), e.pushSeconds(),
                    e.afterPushSeconds(), e.harnessCpuSeconds(), this.worker.jitSeconds(),
                    e.snapshotsPerSecond() / Math.min(apiMix(), this.rows), apiMix(),
                    this.worker.notifications() / Math.max(1, this.worker.snapshotsStored()), e.rowsInMysql(),
                    e.snapshots());
        }

    }

}
