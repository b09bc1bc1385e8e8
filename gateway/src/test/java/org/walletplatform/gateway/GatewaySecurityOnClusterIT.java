package org.walletplatform.gateway;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.walletplatform.testing.OnRedisCluster;
import org.walletplatform.testing.TestRedisCluster;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Every test of {@link GatewaySecurityIT} again with the gateway on a Redis Cluster: its
 * rate limits through the real filter chain (a route's exact and batched counters), the
 * admin audit, and every node paused at once.
 */
@OnRedisCluster
class GatewaySecurityOnClusterIT extends GatewaySecurityIT {

    @Override
    List<String> redisNodes() {
        return TestRedisCluster.nodes();
    }

    @Test
    void shouldFollowAFailoverOfTheCluster(@Autowired RedisConnectionFactory redis) {
        TestRedisCluster.assertFollowsFailovers(redis);
    }

}
