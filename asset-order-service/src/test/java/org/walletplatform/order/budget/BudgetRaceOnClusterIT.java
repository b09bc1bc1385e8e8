package org.walletplatform.order.budget;

import org.walletplatform.testing.OnRedisCluster;

/**
 * {@link BudgetRaceIT} again on a Redis Cluster: the lease script keeps a scene's counter
 * and its unrecorded grants in one slot (their shared hash tag).
 */
@OnRedisCluster
class BudgetRaceOnClusterIT extends BudgetRaceIT {

}
