package org.walletplatform.gateway.ratelimit;

import java.time.Duration;
import java.util.List;

import io.lettuce.core.cluster.SlotHash;
import org.junit.jupiter.api.Test;
import org.walletplatform.gateway.ratelimit.WindowCounter.Limit;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitKeysTests {

    @Test
    void aCountersTwoWindowsShareOneRedisClusterSlot() {
        RateLimitProperties.Policy policy = new RateLimitProperties.Policy("withdrawals", List.of("POST"),
                List.of("/v1/withdrawals"), RateLimitProperties.Key.USER, 5, 100, Duration.ofSeconds(1),
                RateLimitProperties.FailPolicy.CLOSED, RateLimitProperties.Counting.EXACT);

        List<Limit> limits = RateLimitFilter.limitsOf(policy, "user:42");

        assertThat(limits).extracting(Limit::max).containsExactly(5L, 100L);
        for (Limit limit : limits) {
            for (long index : new long[] { 1, 1_796_685_155L, 9_999_999_999L }) {
                assertThat(SlotHash.getSlot(limit.key() + ":" + index)).as(limit.key())
                    .isEqualTo(SlotHash.getSlot(limit.key() + ":" + (index - 1)));
            }
        }
    }

}
