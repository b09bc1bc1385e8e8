package org.walletplatform.sdk;

/**
 * A red-packet account's balance, amounts in minor units.
 *
 * @param balanceMinor what the person may spend: settled + pending
 * @param settledMinor booked in the ledger
 * @param pendingMinor issued, not booked yet (counted at once after issuance)
 * @param incomeMinor everything ever credited (withdrawals do not lower it)
 * @param version grows with every change of the balance
 */
public record Balance(long actId, long balanceMinor, long settledMinor, long pendingMinor, long incomeMinor,
        long version) {

}
