package org.walletplatform.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * Points a Spring test at the test Redis Cluster ({@link TestRedisCluster}) instead of
 * the one Redis: a subclass of a Redis IT so marked runs every test of it again where
 * keys spread over slots and nodes. Its application context is cached like any other:
 * such subclasses of ITs that share a configuration share one. Shared through this
 * module's test jar.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@TestPropertySource(properties = "spring.data.redis.cluster.nodes=${" + TestRedisCluster.NODES_VARIABLE + "}")
public @interface OnRedisCluster {

}
