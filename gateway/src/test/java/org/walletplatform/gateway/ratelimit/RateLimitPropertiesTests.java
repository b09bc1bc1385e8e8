package org.walletplatform.gateway.ratelimit;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class RateLimitPropertiesTests {

    @Test
    void aPolicyThatCannotBeCountedIsRefusedAtStart() {
        assertThatIllegalArgumentException().isThrownBy(() -> properties(policy(0, 0, Duration.ofSeconds(1),
                RateLimitProperties.FailPolicy.OPEN, RateLimitProperties.Counting.EXACT)));
        assertThatIllegalArgumentException().isThrownBy(() -> properties(policy(10, -1, Duration.ofSeconds(1),
                RateLimitProperties.FailPolicy.OPEN, RateLimitProperties.Counting.EXACT)));
        // a limit times the window beyond what Redis's Lua compares exactly
        assertThatIllegalArgumentException().isThrownBy(() -> properties(policy(1L << 30, 0, Duration.ofDays(1),
                RateLimitProperties.FailPolicy.OPEN, RateLimitProperties.Counting.EXACT)));
        assertThatIllegalArgumentException().isThrownBy(() -> properties(policy(10, 0, Duration.ofSeconds(1),
                RateLimitProperties.FailPolicy.CLOSED, RateLimitProperties.Counting.BATCHED)));
        assertThatNoException().isThrownBy(() -> properties(policy(1_000_000, 10_000_000, Duration.ofHours(1),
                RateLimitProperties.FailPolicy.CLOSED, RateLimitProperties.Counting.EXACT)));
    }

    private static RateLimitProperties properties(RateLimitProperties.Policy policy) {
        return new RateLimitProperties(true, Duration.ofMillis(500), Duration.ofMillis(50), List.of(policy));
    }

    private static RateLimitProperties.Policy policy(long limit, long routeLimit, Duration window,
            RateLimitProperties.FailPolicy whenRedisFails, RateLimitProperties.Counting counting) {
        return new RateLimitProperties.Policy("p", List.of(), List.of("/x"), RateLimitProperties.Key.USER, limit,
                routeLimit, window, whenRedisFails, counting);
    }

}
