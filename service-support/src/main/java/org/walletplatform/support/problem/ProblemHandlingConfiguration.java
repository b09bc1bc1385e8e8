package org.walletplatform.support.problem;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Registers {@link ProblemDetailsAdvice} and {@link ProblemErrorController} (before
 * Boot's error controller, which then backs off) in every servlet service that has this
 * module on its class path, {@link StoreUnavailableAdvice} in those that use a store,
 * {@link RedisUnavailableAdvice} in those with Redis, and
 * {@link UnreadableParameterAdvice} in those that run on Tomcat.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import({ ProblemDetailsAdvice.class, ProblemErrorController.class })
public class ProblemHandlingConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.dao.DataAccessException")
    @Import(StoreUnavailableAdvice.class)
    static class StoreProblems {

    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.data.redis.RedisSystemException")
    @Import(RedisUnavailableAdvice.class)
    static class RedisProblems {

    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.apache.tomcat.util.http.InvalidParameterException")
    @Import(UnreadableParameterAdvice.class)
    static class TomcatProblems {

    }

}
