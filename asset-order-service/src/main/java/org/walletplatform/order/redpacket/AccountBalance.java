package org.walletplatform.order.redpacket;

/**
 * A red-packet account's balance: what is booked plus what is issued and not yet booked.
 *
 * @param balanceMinor settled + pending, what the user may spend
 * @param incomeMinor everything ever credited, pending packets included
 * @param version grows with every change of the balance: the ledger's entry count times a
 * million plus the packets pending (settling k packets adds k entries and removes k
 * pending). It can only go back if Redis lost pending packets, until they are presented.
 */
public record AccountBalance(long actId, long balanceMinor, long settledMinor, long pendingMinor, long incomeMinor,
        long version) {

}
