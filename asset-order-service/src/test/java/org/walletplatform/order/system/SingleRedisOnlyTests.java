package org.walletplatform.order.system;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisClusterConfiguration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class SingleRedisOnlyTests {

    @Test
    void refusesARedisCluster() {
        LettuceConnectionFactory cluster = new LettuceConnectionFactory(
                new RedisClusterConfiguration(List.of("127.0.0.1:7001")));

        assertThatIllegalStateException().isThrownBy(() -> new SingleRedisOnly(cluster).afterPropertiesSet())
            .withMessageContaining("does not run on a Redis Cluster");
    }

    @Test
    void startsOnOneRedis() {
        LettuceConnectionFactory one = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration("127.0.0.1", 6379));

        assertThatNoException().isThrownBy(() -> new SingleRedisOnly(one).afterPropertiesSet());
    }

}
