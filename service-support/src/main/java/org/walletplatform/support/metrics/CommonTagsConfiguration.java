package org.walletplatform.support.metrics;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Tags every meter with the application name so one dashboard can tell the services
 * apart.
 */
@AutoConfiguration
public class CommonTagsConfiguration {

    @Bean
    MeterRegistryCustomizer<MeterRegistry> applicationTag(Environment environment) {
        String application = environment.getProperty("spring.application.name", "unknown");
        return (registry) -> registry.config().commonTags("application", application);
    }

}
