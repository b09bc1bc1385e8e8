package org.walletplatform.support.switches;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Degradation switches for every service that has Redis: the switches, refreshed from
 * Redis every second, and their admin endpoint. A service names its switches with
 * {@link SwitchDeclaration} beans so the endpoint lists them before anyone sets them.
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnClass(StringRedisTemplate.class)
public class SwitchesConfiguration {

    @Bean(destroyMethod = "shutdownNow")
    @ConditionalOnBean(StringRedisTemplate.class)
    ScheduledExecutorService switchesRefresher(DegradationSwitches switches) {
        // a platform thread: a virtual one loading classes at start-up, with the few
        // carriers
        // of a small machine pinned by other class loading, deadlocked a service once
        ScheduledExecutorService refresher = Executors
            .newSingleThreadScheduledExecutor(Thread.ofPlatform().name("switches").daemon().factory());
        refresher.scheduleWithFixedDelay(switches::refresh, 0, 1, TimeUnit.SECONDS);
        return refresher;
    }

    @Bean
    @ConditionalOnBean(StringRedisTemplate.class)
    DegradationSwitches degradationSwitches(StringRedisTemplate redis, JsonMapper json, ObjectProvider<Clock> clock,
            List<SwitchDeclaration> declarations) {
        Set<String> names = new HashSet<>();
        declarations.forEach((d) -> names.addAll(d.names()));
        return new DegradationSwitches(redis, json, clock.getIfAvailable(Clock::systemUTC), names);
    }

    @Bean
    @ConditionalOnBean(StringRedisTemplate.class)
    SwitchesController switchesController(DegradationSwitches switches) {
        return new SwitchesController(switches);
    }

    /** The switches a service uses, declared so they are listed before first use. */
    public record SwitchDeclaration(Set<String> names) {

    }

}
