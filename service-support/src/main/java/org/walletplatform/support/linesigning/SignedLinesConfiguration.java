package org.walletplatform.support.linesigning;

import java.time.Clock;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Puts the business-line signature check in front of the routes a service lists in
 * {@code wallet.signed-lines.paths} (the intake's pushes, the order center's issuance).
 * Needs Redis for the nonces.
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(StringRedisTemplate.class)
@ConditionalOnProperty("wallet.signed-lines.paths[0]")
@EnableConfigurationProperties(SignedLinesProperties.class)
public class SignedLinesConfiguration {

    @Bean
    @ConditionalOnBean(StringRedisTemplate.class)
    RequestNonces requestNonces(StringRedisTemplate redis) {
        return new RequestNonces(redis);
    }

    @Bean
    @ConditionalOnBean(RequestNonces.class)
    FilterRegistrationBean<SignedLineFilter> signedLineFilter(SignedLinesProperties lines, RequestNonces nonces,
            JsonMapper json, ObjectProvider<Clock> clock) {
        FilterRegistrationBean<SignedLineFilter> registration = new FilterRegistrationBean<>(
                new SignedLineFilter(lines, nonces, json, clock.getIfAvailable(Clock::systemUTC)));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

}
