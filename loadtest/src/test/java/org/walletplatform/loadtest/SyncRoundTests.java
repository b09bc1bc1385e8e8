package org.walletplatform.loadtest;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The figures a round reports: the API baseline of a wallet with two lines of each form,
 * the ratio against the lower of that mix and the JDBC upsert, and the rounds' medians,
 * also against the baselines on both sides of each end-to-end run.
 */
class SyncRoundTests {

    // API mix 4 / (2/250,000 + 2/10,000) = 19,231 /s
    private static final SyncRound.Baselines MIX_19231 = new SyncRound.Baselines(10_000, 250_000, 150_000);

    @Test
    void theApiBaselineIsTheMixOfTwoBatchAndTwoSingleLines() {
        // 40,000 snapshots: 20,000 at 250 k/s and 20,000 at 10 k/s take 0.08 + 2 s
        assertThat(MIX_19231.apiMix()).isCloseTo(40_000 / 2.08, within(0.01));
        assertThat(MIX_19231.lower()).isEqualTo(MIX_19231.apiMix());
    }

    @Test
    void theRatioIsAgainstTheApiMixWhenTheUpsertIsFaster() {
        SyncRound.Measured round = measured(MIX_19231, 9_615.4);

        assertThat(round.row(1)).contains("| 0.50× (API mix 19231 /s) |");
    }

    @Test
    void theRatioIsAgainstTheUpsertWhenItIsTheLowerBaseline() {
        SyncRound.Measured round = measured(new SyncRound.Baselines(10_000, 250_000, 12_000), 6_000);

        assertThat(round.row(1)).contains("| 0.50× (API mix 19231 /s) |");
    }

    @Test
    void reportsNotificationsPerPullAndTheRowsVerified() {
        EndToEndRun.Result result = new EndToEndRun.Result(40_000, 200_000, 4.0, 1.0, 0.3, 39_999);
        SyncRound.Measured round = new SyncRound.Measured(MIX_19231, result,
                new SyncMetricsScrape.Counts(200_000, 40_000, 0.2));

        assertThat(round.row(3)).startsWith("| 3 | 10000 | 250000 | 150000 |")
            .contains("10000 (4.00 s, push 1.00 s, after push 3.00 s, harness 0.30 CPU-s, worker JIT 0.20 s)")
            .endsWith("| 5.00 | 39999 / 40000 |");
        assertThat(round.workerJitShare()).isCloseTo(0.05, within(1e-9));
    }

    @Test
    void bracketsEachRunWithTheNextRoundsBaselinesAndTheLastWithTheOnesAfterIt() {
        // the box slows down: API mixes (twice the single calls' rate, with batch calls
        // all but free) of 20,000, 10,000, then 5,000 after the last round
        SyncRound.Baselines fast = new SyncRound.Baselines(10_000, 1e15, 1e15);
        SyncRound.Baselines slow = new SyncRound.Baselines(5_000, 1e15, 1e15);
        SyncRound.Baselines slowest = new SyncRound.Baselines(2_500, 1e15, 1e15);
        List<SyncRound.Measured> rounds = List.of(measured(fast, 7_500), measured(slow, 2_500));

        // 7,500 / 20,000 and 2,500 / 10,000 before; 7,500 / 15,000 and 2,500 / 7,500
        // bracketed; of two rounds the median is their mean
        assertThat(SyncRound.summary(rounds, slowest)).isEqualTo("e2e / lower baseline: median 0.31× (0.38 / 0.25);"
                + " against the mean of the baselines just before and just after each end-to-end run:"
                + " median 0.42× (0.50 / 0.33)");
    }

    @Test
    void theMedianOfAnOddNumberOfRoundsIsTheMiddleOne() {
        List<SyncRound.Measured> rounds = List.of(measured(MIX_19231, 9_615.4), measured(MIX_19231, 1_923.1),
                measured(MIX_19231, 19_230.8));

        assertThat(SyncRound.summary(rounds, MIX_19231))
            .startsWith("e2e / lower baseline: median 0.50× (0.50 / 0.10 / 1.00)");
    }

    private static SyncRound.Measured measured(SyncRound.Baselines baselines, double snapshotsPerSecond) {
        return new SyncRound.Measured(baselines,
                new EndToEndRun.Result(40_000, 40_000, 40_000 / snapshotsPerSecond, 0.5, 0.2, 40_000),
                new SyncMetricsScrape.Counts(40_000, 40_000, 0));
    }

}
