package org.walletplatform.support.switches;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;

/**
 * What follows a switch is told its state at once, whenever it is set, and at every
 * refresh.
 */
class DegradationSwitchesTests {

    private final DegradationSwitches switches = new DegradationSwitches(
            mock(StringRedisTemplate.class, RETURNS_DEEP_STUBS), JsonMapper.builder().build(), Clock.systemUTC(),
            Set.of("settlement"));

    @Test
    void shouldTellAFollowerTheStateAtOnceWhenSetAndAtEveryRefresh() {
        List<Boolean> told = new ArrayList<>();
        this.switches.follow("settlement", told::add);
        this.switches.set("settlement", false, "ops-1", "peak");
        this.switches.refresh(); // Redis (empty here) says what every instance sees: on

        assertThat(told).containsExactly(true, false, true);
    }

    @Test
    void shouldTellEveryFollowerEvenWhenOneFails() {
        List<Boolean> told = new ArrayList<>();
        this.switches.follow("settlement", (on) -> {
            throw new IllegalStateException("broken follower");
        });
        this.switches.follow("settlement", told::add);
        this.switches.set("settlement", false, "ops-1", "peak");

        assertThat(told).containsExactly(true, false);
    }

}
