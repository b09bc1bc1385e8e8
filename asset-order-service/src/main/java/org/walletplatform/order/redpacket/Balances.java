package org.walletplatform.order.redpacket;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
            this.pending.cache(List.of(settled));
        }
        return balance(actId, cached, settled);
    }

    /**
     * The balances of many accounts, in the order given: one Redis round trip, plus one
     * ledger query for the accounts whose settled figures are not cached.
     */
    public List<AccountBalance> of(List<Long> actIds) {
        List<PendingTokens.CachedAccount> cached = this.pending.accounts(actIds);
        List<Long> uncached = new ArrayList<>();
        for (int i = 0; i < actIds.size(); i++) {
            if (cached.get(i).settled() == null) {
                uncached.add(actIds.get(i));
            }
        }
        Map<Long, SettledAccount> fromLedger = uncached.isEmpty() ? Map.of() : this.ledger.accounts(uncached);
        this.pending.cache(fromLedger.values());
        List<AccountBalance> balances = new ArrayList<>(actIds.size());
        for (int i = 0; i < actIds.size(); i++) {
            PendingTokens.CachedAccount account = cached.get(i);
            SettledAccount settled = (account.settled() != null) ? account.settled() : fromLedger.get(actIds.get(i));
            balances.add(balance(actIds.get(i), account, settled));
        }
        return balances;
    }

    private static AccountBalance balance(long actId, PendingTokens.CachedAccount cached, SettledAccount settled) {
        return new AccountBalance(actId, settled.balanceMinor() + cached.pendingMinor(), settled.balanceMinor(),
                cached.pendingMinor(), settled.incomeMinor() + cached.pendingMinor(),
                settled.version() * 1_000_000 + cached.pendingCount());
    }

}
