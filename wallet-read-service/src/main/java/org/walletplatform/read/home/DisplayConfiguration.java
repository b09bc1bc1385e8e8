package org.walletplatform.read.home;

import io.micrometer.core.instrument.MeterRegistry;
import org.walletplatform.model.config.DisplayConfig;
import org.walletplatform.support.configrelease.ReleaseKeys;
import org.walletplatform.support.configrelease.ReleaseReaderProperties;
import org.walletplatform.support.configrelease.ReleasedConfig;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The home entry's display configuration as the write service releases it (name
 * {@code display}): polled from Redis, from the MySQL mirror while Redis is down, and the
 * built-in one from application config until a release is found.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReleaseReaderProperties.class)
class DisplayConfiguration {

    @Bean(destroyMethod = "close")
    ReleasedConfig<DisplayConfig> releasedDisplayConfig(DisplayProperties builtIn, ReleaseReaderProperties properties,
            StringRedisTemplate redis, JsonMapper json, MeterRegistry registry) {
        return ReleasedConfig.polling(ReleaseKeys.DISPLAY, DisplayConfig.class, builtIn.builtIn(), properties, redis,
                json, registry);
    }

    @Bean
    DisplayConfigSource displayConfigSource(ReleasedConfig<DisplayConfig> released) {
        return released::versionFor;
    }

}
