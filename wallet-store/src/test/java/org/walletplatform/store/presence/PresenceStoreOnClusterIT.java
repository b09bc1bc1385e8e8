package org.walletplatform.store.presence;

import org.walletplatform.testing.OnRedisCluster;

/**
 * Every test of {@link PresenceStoreIT} again on a Redis Cluster: the presence journal
 * and snapshots.
 */
@OnRedisCluster
class PresenceStoreOnClusterIT extends PresenceStoreIT {

}
