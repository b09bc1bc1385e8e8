package org.walletplatform.order.redpacket;

/**
 * Published when a red-packet account's balance changed (a packet issued, restored or
 * settled, a withdrawal debited or refunded): the wallet line tells the wallet.
 */
public record AccountChanged(long actId) {

}
