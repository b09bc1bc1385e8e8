package org.walletplatform.read.realtime;

import java.util.function.LongFunction;

import io.micrometer.core.instrument.MeterRegistry;
import org.walletplatform.model.config.IntegrationConfig;
import org.walletplatform.support.configrelease.ReleaseReaderProperties;
import org.walletplatform.support.configrelease.ReleasedConfig;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Where and how the real-time lines are queried, as the write service releases it (name
 * {@code integration}); until a release is found, every line keeps its built-in settings.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReleaseReaderProperties.class)
class ReleasedIntegrationConfiguration {

    static final String NAME = "integration";

    @Bean(destroyMethod = "close")
    ReleasedConfig<IntegrationConfig> releasedIntegrationConfig(ReleaseReaderProperties properties,
            StringRedisTemplate redis, JsonMapper json, MeterRegistry registry) {
        return ReleasedConfig.polling(NAME, IntegrationConfig.class, new IntegrationConfig(null, null), properties,
                redis, json, registry);
    }

    @Bean
    LongFunction<IntegrationConfig> releasedIntegration(ReleasedConfig<IntegrationConfig> released) {
        return released::forUser;
    }

}
