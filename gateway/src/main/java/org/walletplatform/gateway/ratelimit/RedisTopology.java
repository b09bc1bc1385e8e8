package org.walletplatform.gateway.ratelimit;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Whether the counters' Redis is a Cluster ({@code spring.data.redis.cluster.nodes}),
 * where one script may only touch keys of one slot.
 */
final class RedisTopology {

    private RedisTopology() {
    }

    static boolean isCluster(ReactiveStringRedisTemplate redis) {
        return redis.getConnectionFactory() instanceof LettuceConnectionFactory lettuce && lettuce.isClusterAware();
    }

}
