package org.walletplatform.order.flow;

import java.util.List;

/**
 * A page of the wallet flow, newest first.
 *
 * @param nextCursor where the next page starts; null at the end
 * @param partial true when a source could not answer: its items may be missing from this
 * page (ask for the same cursor again later to see them)
 * @param unavailable the sources that could not answer
 */
public record FlowPage(List<FlowItem> items, String nextCursor, boolean partial, List<String> unavailable) {

}
