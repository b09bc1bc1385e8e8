package org.walletplatform.order.redpacket;

/**
 * An account's settled figures as the ledger has them after its latest entry.
 *
 * @param balanceMinor what the account holds, settled
 * @param incomeMinor everything ever credited to it (withdrawals do not lower it)
 * @param version the number of entries booked; newer figures have a higher version
 */
public record SettledAccount(long actId, long balanceMinor, long incomeMinor, long version) {

    static SettledAccount empty(long actId) {
        return new SettledAccount(actId, 0, 0, 0);
    }

}
