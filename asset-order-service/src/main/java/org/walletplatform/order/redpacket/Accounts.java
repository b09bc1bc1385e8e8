package org.walletplatform.order.redpacket;

import java.util.List;
import java.time.Clock;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Red-packet accounts as other features use them: settle what is pending now, and move
 * money out of and back into the settled balance. {@link #debit} and {@link #refund} join
 * the caller's transaction, so a withdrawal's own record and its ledger entry commit
 * together; {@link #changed} publishes the figures after the commit.
 */
@Component
public class Accounts {

    private final PendingTokens pending;

    private final Settlement settlement;

    private final RedPacketLedger ledger;

    private final JdbcTemplate jdbc;

    private final Clock clock;

    private final ApplicationEventPublisher events;

    Accounts(PendingTokens pending, Settlement settlement, RedPacketLedger ledger, JdbcTemplate jdbc, Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.pending = pending;
        this.settlement = settlement;
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Books the account's pending packets now, so its settled balance is all it has. */
    public void settlePending(long actId) {
        this.settlement.settle(this.pending.pendingOf(actId));
    }

    /**
     * Takes {@code amount} from the settled balance if it holds that much, in one
     * conditional statement (never below zero, however many debits race), and books the
     * entry; empty when the funds are short (nothing changed).
     */
    public Optional<SettledAccount> debit(long actId, String entryNo, String kind, long amount) {
        long now = this.clock.millis();
        int debited = this.jdbc.update("UPDATE rp_account SET balance_minor = balance_minor - ?, version = version + 1,"
                + " updated_at_ms = ? WHERE act_id = ? AND balance_minor >= ?", amount, now, actId, amount);
        if (debited == 0) {
            return Optional.empty();
        }
        return Optional.of(book(actId, entryNo, kind, -amount, now));
    }

    /**
     * Puts back {@code amount} taken by a debit that did not go through (income
     * unchanged).
     */
    public SettledAccount refund(long actId, String entryNo, String kind, long amount) {
        long now = this.clock.millis();
        this.jdbc.update("UPDATE rp_account SET balance_minor = balance_minor + ?, version = version + 1,"
                + " updated_at_ms = ? WHERE act_id = ?", amount, now, actId);
        return book(actId, entryNo, kind, amount, now);
    }

    /**
     * Publishes committed figures to the balance cache (unless newer ones are there) and
     * tells whoever listens that the account changed.
     */
    public void changed(SettledAccount account) {
        this.pending.cache(List.of(account));
        this.events.publishEvent(new AccountChanged(account.actId()));
    }

    private SettledAccount book(long actId, String entryNo, String kind, long amount, long now) {
        SettledAccount after = this.ledger.account(actId); // the row is locked by the
                                                           // update
        this.jdbc.update(
                "INSERT INTO rp_entry (entry_no, act_id, kind, amount_minor, balance_after, version,"
                        + " created_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?)",
                entryNo, actId, kind, amount, after.balanceMinor(), after.version(), now);
        return after;
    }

}
