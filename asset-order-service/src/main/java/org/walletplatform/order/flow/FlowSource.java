package org.walletplatform.order.flow;

import java.util.List;

/** One source of the wallet flow. */
interface FlowSource {

    /**
     * The name items carry as their source; also their place in the order at equal times.
     */
    String name();

    /**
     * Up to {@code limit} of the account's items within {@code bound}, newest first (time
     * descending, id descending by binary comparison).
     */
    List<FlowItem> items(long actId, FlowPosition.Bound bound, int limit);

}
