package org.walletplatform.order.redpacket;

import org.walletplatform.testing.OnRedisCluster;

/**
 * Every test of {@link RedPacketReconciliationIT} again on a Redis Cluster, where the
 * pending index's shards lie in slots on different nodes.
 */
@OnRedisCluster
class RedPacketReconciliationOnClusterIT extends RedPacketReconciliationIT {

}
