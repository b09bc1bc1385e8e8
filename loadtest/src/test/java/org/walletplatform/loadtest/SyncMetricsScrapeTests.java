package org.walletplatform.loadtest;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Percentiles of the presence staleness between two scrapes of its cumulative histogram:
 * only the deltas observed in between count.
 */
class SyncMetricsScrapeTests {

    @Test
    void takesPercentilesOfTheDeltasBetweenTwoScrapesOnly() {
        // before: 1,000 deltas, all fast; in between: 100 more, 60 under 50 ms, 39 more
        // under 200 ms, 1 slower
        TreeMap<Double, Double> before = histogram(1_000, 1_000, 1_000, 1_000);
        TreeMap<Double, Double> after = histogram(1_060, 1_099, 1_099, 1_100);

        assertThat(SyncMetricsScrape.stalenessBetween(before, after))
            .isEqualTo("100 deltas; p50 ≤ 50 ms, p99 ≤ 200 ms");
    }

    @Test
    void saysWhenTheSlowestDeltasPassedTheLastBound() {
        TreeMap<Double, Double> after = histogram(10, 20, 20, 100);

        assertThat(SyncMetricsScrape.stalenessBetween(new TreeMap<>(), after))
            .isEqualTo("100 deltas; p50 ≤ ∞, p99 ≤ ∞");
    }

    private static TreeMap<Double, Double> histogram(double under50ms, double under200ms, double under1s, double all) {
        return new TreeMap<>(Map.of(0.05, under50ms, 0.2, under200ms, 1.0, under1s, Double.POSITIVE_INFINITY, all));
    }

}
