package org.walletplatform.order.reward;

import org.walletplatform.testing.OnRedisCluster;

/**
 * Every test of {@link RewardIssuanceIT} again on a Redis Cluster: a signed request's
 * nonce is claimed in a slot of its own, apart from its cash packet's keys.
 */
@OnRedisCluster
class RewardIssuanceOnClusterIT extends RewardIssuanceIT {

}
