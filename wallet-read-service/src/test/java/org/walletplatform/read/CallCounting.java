package org.walletplatform.read;

import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.aopalliance.intercept.MethodInterceptor;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Counts every connection the application takes to Redis and to MySQL, which it does for
 * every command or query it sends. Calls on the background threads (the presence follower
 * polling its journal, the degradation switches' refresh, the released configurations'
 * pollers) are left out. While {@link #MYSQL_DOWN} is set, requests' MySQL connections
 * fail (after being counted).
 */
@TestConfiguration(proxyBeanMethods = false)
public class CallCounting {

    public static final AtomicLong REDIS = new AtomicLong();

    public static final AtomicLong MYSQL = new AtomicLong();

    public static final AtomicBoolean MYSQL_DOWN = new AtomicBoolean();

    /** Threads that use Redis whatever the requests do. */
    private static final Set<String> BACKGROUND = Set.of("presence-follower", "switches", "config-display",
            "config-integration");

    @Bean
    static BeanPostProcessor connectionCounter() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof RedisConnectionFactory) {
                    return counting(bean, REDIS);
                }
                if (bean instanceof DataSource) {
                    return counting(bean, MYSQL);
                }
                return bean;
            }
        };
    }

    private static Object counting(Object target, AtomicLong counter) {
        ProxyFactory proxy = new ProxyFactory(target);
        proxy.setProxyTargetClass(true);
        proxy.addAdvice((MethodInterceptor) (invocation) -> {
            if (invocation.getMethod().getName().startsWith("getConnection")
                    && !BACKGROUND.contains(Thread.currentThread().getName())) {
                counter.incrementAndGet();
                if (counter == MYSQL && MYSQL_DOWN.get()) {
                    throw new SQLException("MySQL is down (test)");
                }
            }
            return invocation.proceed();
        });
        return proxy.getProxy();
    }

}
