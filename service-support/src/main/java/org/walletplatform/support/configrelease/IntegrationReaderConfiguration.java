package org.walletplatform.support.configrelease;

import java.util.function.LongFunction;

import io.micrometer.core.instrument.MeterRegistry;
import org.walletplatform.model.config.IntegrationConfig;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The released integration config (name {@code integration}) for a service that calls the
 * lines, imported by the sync worker (push lines) and the read service (real-time lines):
 * a user's settings as a {@code LongFunction<IntegrationConfig>}. Until a release is
 * found, every line keeps its built-in settings.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReleaseReaderProperties.class)
public class IntegrationReaderConfiguration {

    @Bean(destroyMethod = "close")
    ReleasedConfig<IntegrationConfig> releasedIntegrationConfig(ReleaseReaderProperties properties,
            StringRedisTemplate redis, JsonMapper json, MeterRegistry registry) {
        return ReleasedConfig.polling(ReleaseKeys.INTEGRATION, IntegrationConfig.class,
                new IntegrationConfig(null, null), properties, redis, json, registry);
    }

    @Bean
    LongFunction<IntegrationConfig> releasedIntegration(ReleasedConfig<IntegrationConfig> released) {
        return released::forUser;
    }

}
