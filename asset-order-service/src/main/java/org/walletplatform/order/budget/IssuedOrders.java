package org.walletplatform.order.budget;

import java.util.Map;

/**
 * What a lessee issued, as the orders record it: the budget reconciliation's other side.
 */
public interface IssuedOrders {

    /**
     * The amounts issued under {@code lessee}, by budget id (the scene id, or the scene's
     * isolated-phase budget id).
     */
    Map<String, Long> issuedBy(String lessee);

}
