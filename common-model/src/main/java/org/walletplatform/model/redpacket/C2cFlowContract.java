package org.walletplatform.model.redpacket;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The HTTP contract of the C2C red-packet service (person-to-person packets, a system the
 * wallet does not own): a page of an account's C2C flow, newest first. {@code GET
 * {base}/v1/accounts/{actId}/c2c-flow?beforeMs=&beforeId=&limit=} answers the items
 * strictly older than ({@code beforeMs}, {@code beforeId}) in the order (time descending,
 * id descending); without {@code beforeMs}, from the newest.
 */
public final class C2cFlowContract {

    public static final String FLOW_PATH = "/v1/accounts/{actId}/c2c-flow";

    private C2cFlowContract() {
    }

    /**
     * One C2C packet movement.
     *
     * @param kind {@code sent} or {@code received}
     * @param amountMinor always positive; {@code kind} says the direction
     */
    @JsonIgnoreProperties(ignoreUnknown = true) // a system we do not own may add fields
    public record C2cItem(String id, long atMs, long amountMinor, String kind, String counterparty) {

    }

    /** A page of items, newest first. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record C2cPage(List<C2cItem> items) {

    }

}
