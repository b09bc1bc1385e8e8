package org.walletplatform.store.cache;

import org.walletplatform.testing.OnRedisCluster;

/**
 * Every test of {@link WalletCacheIT} again on a Redis Cluster: the wallet cache's
 * merges, fills and renderings.
 */
@OnRedisCluster
class WalletCacheOnClusterIT extends WalletCacheIT {

}
