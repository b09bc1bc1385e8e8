package org.walletplatform.order.redpacket;

import java.time.Clock;
import java.util.Map;

import org.walletplatform.redpacket.token.RedPacketToken;
import org.walletplatform.redpacket.token.TokenSigner;
import org.walletplatform.redpacket.token.InvalidTokenException;
import org.walletplatform.model.ProblemTypes;
import org.walletplatform.model.reward.OrderNumber;
import org.walletplatform.order.activity.ActivitiesProperties.Phase;
import org.walletplatform.order.reward.RewardOrderStore;
import org.walletplatform.support.problem.ApiProblemException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Tokens a client presents for its account. The client holds every packet it was given;
 * if the platform lost one (Redis wiped before it settled), presenting it restores it:
 * recorded pending and published for settlement, so the balance is whole again. Anything
 * else is refused, with its own problem type: not a token, an unknown key, a signature
 * that does not match (forged or altered), another account's token, one settled already
 * (a replay), one older than {@code tokenValidFor}.
 */
@Component
class PresentedTokens {

    private final TokenSigner signer;

    private final PendingTokens pending;

    private final IssuedPackets issued;

    private final SettlementQueue queue;

    private final RewardOrderStore orders;

    private final RedPacketProperties properties;

    private final Clock clock;

    private final ApplicationEventPublisher events;

    PresentedTokens(TokenSigner signer, PendingTokens pending, IssuedPackets issued, SettlementQueue queue,
            RewardOrderStore orders, RedPacketProperties properties, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.signer = signer;
        this.pending = pending;
        this.issued = issued;
        this.queue = queue;
        this.orders = orders;
        this.properties = properties;
        this.clock = clock;
    }

    /** What presenting a valid token did. */
    enum Outcome {

        /** The platform had lost it: it is pending again and will settle. */
        RESTORED,

        /** The platform holds it, not settled yet: nothing to do. */
        PENDING

    }

    Outcome present(long actId, String signed) {
        RedPacketToken token = verified(signed);
        if (token.actId() != actId) {
            throw refused(HttpStatus.FORBIDDEN, ProblemTypes.TOKEN_FOREIGN_ACCOUNT, "Token of another account",
                    "The token was issued to another account.");
        }
        if (this.clock.millis() - token.openTimeMs() > this.properties.tokenValidFor().toMillis()) {
            throw refused(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.TOKEN_EXPIRED, "Token expired",
                    "The token is older than " + this.properties.tokenValidFor().toDays() + " days.");
        }
        var known = this.pending.find(token.outTradeNo());
        if (known.isPresent()) {
            if (known.get().status() == RedPacketToken.SUCCESS) {
                throw replayed();
            }
            return Outcome.PENDING;
        }
        if (this.orders.find(OrderNumber.parse(token.outTradeNo())).isPresent()) {
            throw replayed();
        }
        // the request that issued it is gone with the record: the token is all there is
        TokenRecord record = new TokenRecord(RedPacketToken.CREATED, "presented", "presented", Phase.PRODUCTION, signed,
                "{}", token);
        if (this.issued.issue(record, token.openTimeMs()).isPresent()) {
            return Outcome.PENDING; // presented twice at once
        }
        this.queue.publish(record);
        this.events.publishEvent(new AccountChanged(actId));
        return Outcome.RESTORED;
    }

    private RedPacketToken verified(String signed) {
        try {
            RedPacketToken token = this.signer.verify(signed);
            OrderNumber.parse(token.outTradeNo());
            return token;
        }
        catch (InvalidTokenException ex) {
            throw switch (ex.reason()) {
                case MALFORMED -> malformed();
                case UNKNOWN_KEY -> refused(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.TOKEN_UNKNOWN_KEY,
                        "Unknown signing key", "The token names a key this platform does not know.");
                case BAD_SIGNATURE -> refused(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.TOKEN_BAD_SIGNATURE,
                        "Bad token signature", "The token's signature does not match its content.");
            };
        }
        catch (OrderNumber.InvalidOrderNumberException ex) {
            throw malformed();
        }
    }

    private static ApiProblemException malformed() {
        return refused(HttpStatus.BAD_REQUEST, ProblemTypes.TOKEN_MALFORMED, "Malformed token",
                "The token is not one this platform issues.");
    }

    private static ApiProblemException replayed() {
        return refused(HttpStatus.CONFLICT, ProblemTypes.TOKEN_REPLAYED, "Token settled already",
                "The packet is in the balance already; presenting it again credits nothing.");
    }

    private static ApiProblemException refused(HttpStatus status, java.net.URI type, String title, String detail) {
        return new ApiProblemException(status, type, title, detail, Map.of());
    }

}
