package org.walletplatform.write.config;

import org.junit.jupiter.api.Test;
import org.walletplatform.testing.OnRedisCluster;
import org.walletplatform.testing.TestRedisCluster;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Every test of {@link ConfigReleaseIT} again on a Redis Cluster: releases published to
 * Redis (a script over the revision's and the state's keys, one hash tag).
 */
@OnRedisCluster
class ConfigReleaseOnClusterIT extends ConfigReleaseIT {

    @Test
    void shouldFollowAFailoverOfTheCluster(@Autowired RedisConnectionFactory redis) {
        TestRedisCluster.assertFollowsFailovers(redis);
    }

}
