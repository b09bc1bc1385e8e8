package org.walletplatform.order.redpacket;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.walletplatform.testing.OnRedisCluster;
import org.walletplatform.testing.TestRedisCluster;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Every test of {@link RedPacketIT} again on a Redis Cluster: issuance batches split by
 * pending shard, nonces claimed on their own, settlement's and tokens' scripts within one
 * shard's slot ({@link RedPacketKeys}).
 */
@OnRedisCluster
class RedPacketOnClusterIT extends RedPacketIT {

    @Test
    void shouldFollowAFailoverOfTheCluster(@Autowired RedisConnectionFactory redis) {
        TestRedisCluster.assertFollowsFailovers(redis);
    }

    @Override
    List<String> redisNodes() {
        return TestRedisCluster.nodes();
    }

}
