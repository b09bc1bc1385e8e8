package org.walletplatform.loadtest;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The baseline driver: every unit of work exactly once, never more at a time than the
 * concurrency asked for, and the rate in the units the work reports.
 */
class ConcurrentTests {

    @Test
    void runsEveryIndexOnceExactlyConcurrencyAtATime() {
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();

        long start = System.nanoTime();
        double perSecond = Concurrent.perSecond(4, 400, (index) -> {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            assertThat(seen.add(index)).as("index %d ran twice", index).isTrue();
            // a unit that waits, as a call does, so the calls overlap whatever the cores:
            // more than four at once shows, and so would fewer
            sleep();
            inFlight.decrementAndGet();
            return 3;
        });
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(seen).hasSize(400).allMatch((index) -> index >= 0 && index < 400);
        assertThat(mostInFlight.get()).isEqualTo(4);
        // the units each call says it did (3), over no more than the time the call took
        assertThat(perSecond).isGreaterThanOrEqualTo(1_200 / seconds);
    }

    private static void sleep() {
        try {
            Thread.sleep(2);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

}
