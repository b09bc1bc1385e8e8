package org.walletplatform.gateway.ratelimit;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * The counters' ITs' Redis: database 2 of the local server (or nothing, on another port).
 */
final class TestRedis {

    private TestRedis() {
    }

    static LettuceConnectionFactory connect(int port) {
        RedisStandaloneConfiguration config = new RedisStandaloneConfiguration("127.0.0.1", port);
        config.setDatabase(2);
        LettuceConnectionFactory factory = new LettuceConnectionFactory(config);
        factory.afterPropertiesSet();
        factory.start();
        return factory;
    }

}
