package org.walletplatform.order.redpacket;

/**
 * A red-packet account's balance: what is booked plus what is issued and not yet booked.
 *
 * @param balanceMinor settled + pending, what the user may spend
 * @param incomeMinor everything ever credited, pending packets included
 */
public record AccountBalance(long actId, long balanceMinor, long settledMinor, long pendingMinor, long incomeMinor) {

}
