package org.walletplatform.read.presence;

import org.walletplatform.testing.OnRedisCluster;

/**
 * Every test of {@link PresenceIT} again on a Redis Cluster: the presence set followed
 * from the journal and reloaded from snapshots.
 */
@OnRedisCluster
class PresenceOnClusterIT extends PresenceIT {

}
