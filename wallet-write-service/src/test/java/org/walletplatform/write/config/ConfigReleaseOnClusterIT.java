package org.walletplatform.write.config;

import org.walletplatform.testing.OnRedisCluster;

/**
 * Every test of {@link ConfigReleaseIT} again on a Redis Cluster: releases published to
 * Redis (a script over the revision's and the state's keys, one hash tag).
 */
@OnRedisCluster
class ConfigReleaseOnClusterIT extends ConfigReleaseIT {

}
