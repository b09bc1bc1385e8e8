package org.walletplatform.sync.sync;

import org.walletplatform.testing.OnRedisCluster;

/**
 * Every test of {@link SyncWorkerIT} again on a Redis Cluster: merges into cached wallets
 * and the presence journal after each batch.
 */
@OnRedisCluster
class SyncWorkerOnClusterIT extends SyncWorkerIT {

}
