package org.walletplatform.read.home;

import org.walletplatform.testing.OnRedisCluster;

/**
 * Every test of {@link DisplayReleaseIT} again on a Redis Cluster: display releases read
 * from Redis.
 */
@OnRedisCluster
class DisplayReleaseOnClusterIT extends DisplayReleaseIT {

}
