package org.walletplatform.order.flow;

/**
 * One line of the wallet flow.
 *
 * @param source {@code c2c}, {@code settlement} or {@code withdrawal}
 * @param id unique within its source (order number, withdrawal number, C2C id)
 * @param amountMinor signed: positive money in, negative money out
 * @param kind {@code red-packet}, {@code withdrawal}, {@code c2c-sent},
 * {@code c2c-received}
 * @param state a withdrawal's state; null otherwise
 */
public record FlowItem(String source, String id, long atMs, long amountMinor, String kind, String state) {

    /** Where this item stands in the flow's order. */
    FlowPosition position() {
        return new FlowPosition(this.atMs, this.source, this.id);
    }

}
