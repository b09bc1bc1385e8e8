package org.walletplatform.read.home;

import io.micrometer.core.instrument.MeterRegistry;
import org.walletplatform.model.config.DisplayConfig;
import org.walletplatform.support.configrelease.MirroredReleaseStates;
import org.walletplatform.support.configrelease.RedisReleaseStates;
import org.walletplatform.support.configrelease.ReleaseReaderProperties;
import org.walletplatform.support.configrelease.ReleasedConfig;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The home entry's display configuration as the write service releases it (name
 * {@code display}): polled from Redis, from the MySQL mirror while Redis is down, and the
 * built-in one from application config until a release is found.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReleaseReaderProperties.class)
class DisplayConfiguration {

    static final String NAME = "display";

    @Bean(destroyMethod = "close")
    ReleasedConfig<DisplayConfig> releasedDisplayConfig(DisplayProperties builtIn, ReleaseReaderProperties properties,
            StringRedisTemplate redis, JsonMapper json, MeterRegistry registry) {
        ReleaseReaderProperties.Mirror mirror = properties.mirror();
        return new ReleasedConfig<>(NAME, DisplayConfig.class, builtIn.builtIn(), new RedisReleaseStates(redis, json),
                new MirroredReleaseStates(
                        new DriverManagerDataSource(mirror.url(), mirror.username(), mirror.password()), json),
                json)
            .bindTo(registry)
            .start(properties.pollInterval());
    }

    @Bean
    DisplayConfigSource displayConfigSource(ReleasedConfig<DisplayConfig> released) {
        return released::forUser;
    }

}
