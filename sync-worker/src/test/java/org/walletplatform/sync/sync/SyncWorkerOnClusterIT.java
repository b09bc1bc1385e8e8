package org.walletplatform.sync.sync;

import org.junit.jupiter.api.Test;
import org.walletplatform.testing.OnRedisCluster;
import org.walletplatform.testing.TestRedisCluster;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Every test of {@link SyncWorkerIT} again on a Redis Cluster: merges into cached wallets
 * and the presence journal after each batch.
 */
@OnRedisCluster
class SyncWorkerOnClusterIT extends SyncWorkerIT {

    @Test
    void shouldFollowAFailoverOfTheCluster(@Autowired RedisConnectionFactory redis) {
        TestRedisCluster.assertFollowsFailovers(redis);
    }

}
