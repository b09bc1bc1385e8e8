package org.walletplatform.gateway.ratelimit;

import org.walletplatform.testing.TestRedisCluster;

import org.springframework.data.redis.connection.RedisClusterConfiguration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * The counters' ITs' Redis: database 2 of the local server (or nothing, on another port),
 * or the test Redis Cluster.
 */
final class TestRedis {

    /** What the counter ITs run on, each in turn. */
    static final String STANDALONE = "standalone";

    static final String CLUSTER = "cluster";

    private TestRedis() {
    }

    static LettuceConnectionFactory connect(int port) {
        RedisStandaloneConfiguration config = new RedisStandaloneConfiguration("127.0.0.1", port);
        config.setDatabase(2);
        return started(new LettuceConnectionFactory(config));
    }

    static LettuceConnectionFactory connect(String topology) {
        return CLUSTER.equals(topology)
                ? started(new LettuceConnectionFactory(new RedisClusterConfiguration(TestRedisCluster.nodes())))
                : connect(6379);
    }

    private static LettuceConnectionFactory started(LettuceConnectionFactory factory) {
        factory.afterPropertiesSet();
        factory.start();
        return factory;
    }

}
