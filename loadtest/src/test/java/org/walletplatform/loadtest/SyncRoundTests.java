package org.walletplatform.loadtest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The figures a round reports: the API baseline of a wallet with two lines of each form,
 * and the ratio against the lower of that mix and the JDBC upsert.
 */
class SyncRoundTests {

    @Test
    void theApiBaselineIsTheMixOfTwoBatchAndTwoSingleLines() {
        // 40,000 snapshots: 20,000 at 250 k/s and 20,000 at 10 k/s take 0.08 + 2 s
        SyncRound.Measured round = measured(10_000, 250_000, 150_000, 40_000, 4.0);

        assertThat(round.apiMix()).isCloseTo(40_000 / 2.08, within(0.01));
    }

    @Test
    void theRatioIsAgainstTheApiMixWhenTheUpsertIsFaster() {
        // API mix 19,231 /s; 9,615 snapshots/s is half of it
        SyncRound.Measured round = measured(10_000, 250_000, 150_000, 40_000, 40_000 / 9_615.4);

        assertThat(round.row(1)).contains("| 0.50× (API mix 19231 /s) |");
    }

    @Test
    void theRatioIsAgainstTheUpsertWhenItIsTheLowerBaseline() {
        SyncRound.Measured round = measured(10_000, 250_000, 12_000, 40_000, 40_000 / 6_000.0);

        assertThat(round.row(1)).contains("| 0.50× (API mix 19231 /s) |");
    }

    @Test
    void reportsNotificationsPerPullAndTheRowsVerified() {
        EndToEndRun.Result result = new EndToEndRun.Result(40_000, 200_000, 4.0, 1.0, 0.3, 39_999);
        SyncRound.Measured round = new SyncRound.Measured(10_000, 250_000, 150_000, result,
                new SyncMetricsScrape.Counts(200_000, 40_000, 0.2));

        assertThat(round.row(3)).startsWith("| 3 |")
            .contains("10000 (4.00 s, push 1.00 s, after push 3.00 s, harness 0.30 CPU-s, worker JIT 0.20 s)")
            .endsWith("| 5.00 | 39999 / 40000 |");
        assertThat(round.workerJitShare()).isCloseTo(0.05, within(1e-9));
    }

    private static SyncRound.Measured measured(double single, double batch, double rows, long snapshots,
            double seconds) {
        return new SyncRound.Measured(single, batch, rows,
                new EndToEndRun.Result(snapshots, snapshots, seconds, 0.5, 0.2, snapshots),
                new SyncMetricsScrape.Counts(snapshots, snapshots, 0));
    }

}
