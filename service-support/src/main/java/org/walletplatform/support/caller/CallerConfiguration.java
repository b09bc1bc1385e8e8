package org.walletplatform.support.caller;

import java.time.Clock;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Puts the caller check in front of every servlet service that has this module.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(CallerProperties.class)
public class CallerConfiguration {

    @Bean
    CallerCheck callerCheck(CallerProperties properties, JsonMapper json, ObjectProvider<Clock> clock) {
        return new CallerCheck(properties, json, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    FilterRegistrationBean<CallerFilter> callerFilter(CallerCheck check) {
        FilterRegistrationBean<CallerFilter> registration = new FilterRegistrationBean<>(new CallerFilter(check));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }

}
