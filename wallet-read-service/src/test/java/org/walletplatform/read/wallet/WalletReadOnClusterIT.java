package org.walletplatform.read.wallet;

import org.junit.jupiter.api.Test;
import org.walletplatform.testing.OnRedisCluster;
import org.walletplatform.testing.TestRedisCluster;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Every test of {@link WalletReadIT} again on a Redis Cluster: wallets read from the
 * cache, filled from MySQL on a miss.
 */
@OnRedisCluster
class WalletReadOnClusterIT extends WalletReadIT {

    @Test
    void shouldFollowAFailoverOfTheCluster(@Autowired RedisConnectionFactory redis) {
        TestRedisCluster.assertFollowsFailovers(redis);
    }

}
