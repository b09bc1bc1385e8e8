package org.walletplatform.order.redpacket;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Books packets into the ledger and marks them success in Redis: the one way packets
 * settle, for the settler and for anything that must settle an account now (a
 * withdrawal). Idempotent: a packet booked already is only marked again.
 */
@Component
class Settlement {

    private final RedPacketLedger ledger;

    private final PendingTokens pending;

    private final ApplicationEventPublisher events;

    Settlement(RedPacketLedger ledger, PendingTokens pending, ApplicationEventPublisher events) {
        this.ledger = ledger;
        this.pending = pending;
        this.events = events;
    }

    void settle(List<TokenRecord> packets) {
        if (packets.isEmpty()) {
            return;
        }
        this.pending.markProcessing(packets.stream().map(TokenRecord::orderNo).toList());
        // a balance read must find settled figures cached while the batch commits: with
        // none, it would read the ledger, which may count a packet still pending in Redis
        Map<Long, SettledAccount> before = new HashMap<>();
        Map<Long, SettledAccount> accounts = this.ledger.settle(packets, (figures) -> {
            this.pending.cache(figures.values());
            before.putAll(figures);
        });
        Map<Long, List<TokenRecord>> byAccount = packets.stream()
            .collect(Collectors.groupingBy(TokenRecord::actId, LinkedHashMap::new, Collectors.toList()));
        this.pending.markSettled(byAccount, accounts).forEach((actId, movedFromPending) -> {
            // settling what was pending moves it within the balance: only a packet
            // missing from the pending sum (Redis lost it) changes what the account shows
            long booked = accounts.get(actId).balanceMinor() - before.get(actId).balanceMinor();
            if (booked != movedFromPending) {
                this.events.publishEvent(new AccountChanged(actId));
            }
        });
    }

}
