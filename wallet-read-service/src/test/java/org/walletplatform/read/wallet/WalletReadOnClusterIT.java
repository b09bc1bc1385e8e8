package org.walletplatform.read.wallet;

import org.walletplatform.testing.OnRedisCluster;

/**
 * Every test of {@link WalletReadIT} again on a Redis Cluster: wallets read from the
 * cache, filled from MySQL on a miss.
 */
@OnRedisCluster
class WalletReadOnClusterIT extends WalletReadIT {

}
