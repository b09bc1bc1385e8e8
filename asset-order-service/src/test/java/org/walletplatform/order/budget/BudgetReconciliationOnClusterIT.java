package org.walletplatform.order.budget;

import org.walletplatform.testing.OnRedisCluster;

/**
 * Every test of {@link BudgetReconciliationIT} again on a Redis Cluster: leases,
 * heartbeats and the red packets' pending index spread over its nodes.
 */
@OnRedisCluster
class BudgetReconciliationOnClusterIT extends BudgetReconciliationIT {

}
