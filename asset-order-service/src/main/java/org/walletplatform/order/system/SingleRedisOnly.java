package org.walletplatform.order.system;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * Refuses to start the order center on a Redis Cluster: its scripts record a batch of
 * packets of many accounts in one call and keep an account's records, its pending sum and
 * its pending-index shard in step, keys a Cluster would spread over slots. Started there
 * it would answer issuance with errors; this says why at once instead
 * (docs/architecture.md, "Redis Cluster").
 */
@Component
class SingleRedisOnly implements InitializingBean {

    private final RedisConnectionFactory redis;

    SingleRedisOnly(RedisConnectionFactory redis) {
        this.redis = redis;
    }

    @Override
    public void afterPropertiesSet() {
        if (this.redis instanceof LettuceConnectionFactory lettuce && lettuce.isClusterAware()) {
            throw new IllegalStateException("The order center does not run on a Redis Cluster yet "
                    + "(spring.data.redis.cluster.nodes is set): give it one Redis (REDIS_HOST, REDIS_PORT); "
                    + "see docs/architecture.md, \"Redis Cluster\"");
        }
    }

}
