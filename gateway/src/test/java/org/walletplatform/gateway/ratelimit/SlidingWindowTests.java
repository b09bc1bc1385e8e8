package org.walletplatform.gateway.ratelimit;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SlidingWindowTests {

    private final SlidingWindow second = new SlidingWindow(1_000);

    @Test
    void aLimitSpentAtTheEndOfOneWindowIsNotSpentAgainAtTheStartOfTheNext() {
        // ten requests at the end of window 7: a fixed window would admit ten more at
        // 8.001
        assertThat(this.second.admits(10, 0, 10, 8_001)).isFalse();
        // half of window 8 gone: half the previous count still weighs, so five pass
        assertThat(this.second.admits(10, 4, 10, 8_500)).isTrue();
        assertThat(this.second.admits(10, 5, 10, 8_500)).isFalse();
        // a window later the previous count no longer weighs at all
        assertThat(this.second.admits(10, 9, 10, 8_999)).isFalse();
        assertThat(this.second.admits(9, 0, 10, 9_000)).isTrue();
    }

    @Test
    void aCallerWithNothingBeforeHasTheWholeLimit() {
        assertThat(this.second.admits(0, 9, 10, 8_001)).isTrue();
        assertThat(this.second.admits(0, 10, 10, 8_001)).isFalse();
    }

    @Test
    void theWaitIsTheFirstMomentARequestWouldPass() {
        SplittableRandom random = new SplittableRandom(7);
        int checked = 0;
        for (int i = 0; i < 20_000; i++) {
            SlidingWindow window = new SlidingWindow(random.nextLong(1, 300));
            long limit = random.nextLong(1, 12);
            long previous = random.nextLong(0, 25);
            long current = random.nextLong(0, 25);
            long now = random.nextLong(0, 1_000_000);
            if (window.admits(previous, current, limit, now)) {
                continue;
            }
            checked++;
            long wait = window.retryAfterMillis(previous, current, limit, now);
            assertThat(wait).as("wait %d, %s", wait, window)
                .isPositive()
                .isLessThanOrEqualTo(2 * window.windowMillis());
            assertThat(passesAfter(window, previous, current, limit, now, wait)).isTrue();
            assertThat(passesAfter(window, previous, current, limit, now, wait - 1)).isFalse();
        }
        assertThat(checked).isGreaterThan(5_000);
    }

    @Test
    void aWindowIsAtLeastOneMillisecond() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SlidingWindow(0));
    }

    /**
     * Whether a request {@code wait} ms after {@code now} passes when none is sent
     * meanwhile: this window's count becomes the previous one when the window ends.
     */
    private static boolean passesAfter(SlidingWindow window, long previous, long current, long limit, long now,
            long wait) {
        long at = now + wait;
        long windowsLater = window.index(at) - window.index(now);
        return switch ((int) Math.min(windowsLater, 2)) {
            case 0 -> window.admits(previous, current, limit, at);
            case 1 -> window.admits(current, 0, limit, at);
            default -> window.admits(0, 0, limit, at);
        };
    }

}
