package org.walletplatform.order.redpacket;

import java.util.Optional;
import java.util.Set;

import org.walletplatform.redpacket.token.RedPacketToken;
import org.walletplatform.model.reward.AwardType;
import org.walletplatform.model.reward.OrderNumber;
import org.walletplatform.order.reward.IssueOutcome;
import org.walletplatform.order.reward.RewardOrder;
import org.walletplatform.order.reward.RewardOrderStore;
import org.walletplatform.order.reward.RewardType;
import org.walletplatform.order.reward.StoredOrder;
import org.walletplatform.support.linesigning.DeferredNonce;
import org.walletplatform.support.linesigning.RequestNonces;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Cash red packets, issued as signed tokens: the packet is recorded as pending in Redis
 * (one Lua call, idempotent on the order number) and published for settlement; the order
 * row and ledger entry are written later by {@link Settler}. So issuance touches no
 * database, and the balance (settled + pending) is right at once. A packet of an isolated
 * (test) phase gets no token and never reaches a balance: its order row is written
 * directly. The request's nonce is claimed in the Lua call that records the packet.
 */
@Component
class CashRewards implements RewardType {

    private final BatchSigner signer;

    private final PendingTokens pending;

    private final IssuedPackets issued;

    private final SettlementQueue queue;

    private final RewardOrderStore store;

    private final JsonMapper json;

    private final ApplicationEventPublisher events;

    private final RequestNonces nonces;

    CashRewards(BatchSigner signer, PendingTokens pending, IssuedPackets issued, SettlementQueue queue,
            RewardOrderStore store, JsonMapper json, ApplicationEventPublisher events, RequestNonces nonces) {
        this.events = events;
        this.nonces = nonces;
        this.signer = signer;
        this.pending = pending;
        this.issued = issued;
        this.queue = queue;
        this.store = store;
        this.json = json;
    }

    @Override
    public Set<AwardType> awardTypes() {
        return Set.of(AwardType.CASH);
    }

    @Override
    public IssueOutcome issue(RewardOrder order, String requestHash, String lessee, DeferredNonce nonce) {
        if (order.isolated()) {
            this.nonces.claim(nonce);
            return this.store.insertOrFind(order, requestHash, lessee);
        }
        RedPacketToken token = new RedPacketToken(this.signer.signingKeyId(),
                (order.appId() != null) ? order.appId() : "", order.actId(), order.activityId(), order.sceneId(),
                order.amountMinor(), order.orderNo(), order.createdAt().toEpochMilli(), order.rainId(),
                RedPacketToken.CREATED);
        String signed = this.signer.sign(token);
        TokenRecord record = new TokenRecord(RedPacketToken.CREATED, requestHash, lessee, order.phase(), signed,
                this.json.writeValueAsString(order.payload()), token);
        // the nonce is claimed in the same Redis call, with the packets of concurrent
        // issuances
        Optional<TokenRecord> existing = this.issued.issue(record, order.createdAt().toEpochMilli(), nonce);
        // the wallet is told on a replay too: the first attempt may have recorded the
        // packet and failed before telling it (a Redis timeout); a second notice costs
        // one coalesced pull
        this.events.publishEvent(new AccountChanged(order.actId()));
        if (existing.isPresent()) {
            return IssueOutcome.existing(existing.get().toStoredOrder());
        }
        this.queue.publish(record);
        return IssueOutcome.issued(order.withToken(signed));
    }

    @Override
    public Optional<StoredOrder> find(OrderNumber number) {
        Optional<StoredOrder> pendingOrSettled = this.pending.find(number.toString()).map(TokenRecord::toStoredOrder);
        return pendingOrSettled.isPresent() ? pendingOrSettled : this.store.find(number);
    }

}
