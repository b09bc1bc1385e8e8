package org.walletplatform.store.reconcile;

import org.walletplatform.testing.OnRedisCluster;

/**
 * Every test of {@link CacheReconcilerIT} again on a Redis Cluster: the cache
 * reconciliation, whose SCAN must visit every master.
 */
@OnRedisCluster
class CacheReconcilerOnClusterIT extends CacheReconcilerIT {

}
