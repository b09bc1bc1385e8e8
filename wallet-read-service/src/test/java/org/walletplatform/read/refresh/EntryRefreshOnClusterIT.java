package org.walletplatform.read.refresh;

import org.walletplatform.testing.OnRedisCluster;

/**
 * Every test of {@link EntryRefreshIT} again on a Redis Cluster: pull-on-entry claims,
 * pipelined over many users' keys.
 */
@OnRedisCluster
class EntryRefreshOnClusterIT extends EntryRefreshIT {

}
