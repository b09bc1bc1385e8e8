package org.walletplatform.order.redpacket;

import org.springframework.stereotype.Component;

/**
 * Balances from Redis: the pending sum and the cached settled figures, read together.
 * When the cache has no settled figures the ledger is read and cached (unless the settler
 * cached newer ones meanwhile).
 */
@Component
public class Balances {

    private final PendingTokens pending;

    private final RedPacketLedger ledger;

    Balances(PendingTokens pending, RedPacketLedger ledger) {
        this.pending = pending;
        this.ledger = ledger;
    }

    public AccountBalance of(long actId) {
        PendingTokens.CachedAccount cached = this.pending.account(actId);
        SettledAccount settled = cached.settled();
        if (settled == null) {
            settled = this.ledger.account(actId);
            this.pending.cache(settled);
        }
        return new AccountBalance(actId, settled.balanceMinor() + cached.pendingMinor(), settled.balanceMinor(),
                cached.pendingMinor(), settled.incomeMinor() + cached.pendingMinor(),
                settled.version() * 1_000_000 + cached.pendingCount());
    }

}
