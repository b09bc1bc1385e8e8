package org.walletplatform.write.security;

import java.time.Clock;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Puts the business-line signature check in front of the intake.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    FilterRegistrationBean<SignedLineFilter> signedLineFilter(SignedLinesProperties lines, StringRedisTemplate redis,
            JsonMapper json, Clock clock) {
        FilterRegistrationBean<SignedLineFilter> registration = new FilterRegistrationBean<>(
                new SignedLineFilter(lines, redis, json, clock));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

}
