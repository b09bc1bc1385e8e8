package org.walletplatform.order.withdrawal;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.walletplatform.model.ProblemTypes;
import org.walletplatform.order.redpacket.Accounts;
import org.walletplatform.order.redpacket.SettledAccount;
import org.walletplatform.order.system.Sha256;
import org.walletplatform.support.problem.ApiProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A withdrawal: within the limits, and in the account's turn (one at a time per account
 * in this instance), the account's pending packets are settled first, then the withdrawal
 * record and the debit commit together (the debit only if the settled balance holds the
 * amount, so the balance never goes negative), then the payment downstream pays it out. A
 * refused payment puts the money back; an unknown outcome is left to the janitor. A retry
 * with the same number answers the first result, or 409 if the content differs.
 */
@Service
class WithdrawalService {

    private final WithdrawalLimits limits;

    private final WithdrawalStore store;

    private final Accounts accounts;

    private final Payments payments;

    private final AccountTurns turns;

    private final TransactionTemplate transactions;

    private final Clock clock;

    WithdrawalService(WithdrawalLimits limits, WithdrawalStore store, Accounts accounts, Payments payments,
            AccountTurns turns, TransactionTemplate transactions, Clock clock) {
        this.limits = limits;
        this.store = store;
        this.accounts = accounts;
        this.payments = payments;
        this.turns = turns;
        this.transactions = transactions;
        this.clock = clock;
    }

    Withdrawal withdraw(WithdrawalRequest request) {
        String hash = Sha256.hex(request.actId() + "|" + request.withdrawalNo() + "|" + request.amountMinor());
        var existing = this.store.find(request.actId(), request.withdrawalNo());
        if (existing.isPresent()) {
            return answerExisting(existing.get(), hash);
        }
        this.limits.check(request.actId());
        Withdrawal withdrawal = new Withdrawal(request.actId(), request.withdrawalNo(), request.amountMinor(),
                Withdrawal.ACCEPTED, this.clock.instant().truncatedTo(ChronoUnit.MILLIS), false);
        SettledAccount after = this.turns.inTurn(withdrawal.actId(), () -> {
            this.accounts.settlePending(withdrawal.actId());
            return this.transactions.execute((status) -> {
                if (!this.store.insert(withdrawal, hash)) {
                    return null;
                }
                // short funds throw, which rolls the withdrawal record back too
                return this.accounts
                    .debit(withdrawal.actId(), entryNo("withdraw", withdrawal), "withdraw", withdrawal.amountMinor())
                    .orElseThrow(() -> insufficientFunds(withdrawal));
            });
        });
        if (after == null) {
            return answerExisting(this.store.find(request.actId(), request.withdrawalNo()).orElseThrow(), hash);
        }
        this.accounts.changed(after);
        return pay(withdrawal);
    }

    Withdrawal find(long actId, String withdrawalNo) {
        return this.store.find(actId, withdrawalNo)
            .map(WithdrawalStore.Stored::withdrawal)
            .orElseThrow(() -> new ApiProblemException(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND,
                    "No such withdrawal", "No withdrawal " + withdrawalNo + " for account " + actId + ".", Map.of()));
    }

    /** Pays a debited withdrawal out; the money goes back if the payment is refused. */
    Withdrawal pay(Withdrawal withdrawal) {
        return switch (this.payments.pay(withdrawal)) {
            case PAID -> settle(withdrawal, Withdrawal.PAID);
            case REFUSED -> refund(withdrawal);
            case UNKNOWN -> settle(withdrawal, Withdrawal.PAYING);
        };
    }

    /** For a withdrawal stuck accepted or paying: finds out what happened and acts. */
    void resolve(Withdrawal withdrawal) {
        if (Withdrawal.PAYING.equals(withdrawal.state())) {
            var paid = this.payments.paid(withdrawal);
            if (paid.isEmpty()) {
                return; // the downstream cannot say now; the next round asks again
            }
            if (paid.get()) {
                settle(withdrawal, Withdrawal.PAID);
                return;
            }
        }
        pay(withdrawal); // idempotent at the downstream by the payment key
    }

    private Withdrawal settle(Withdrawal withdrawal, String state) {
        List<String> from = Withdrawal.PAID.equals(state) ? List.of(Withdrawal.ACCEPTED, Withdrawal.PAYING)
                : List.of(Withdrawal.ACCEPTED);
        this.store.transition(withdrawal, from, state);
        return withdrawal.inState(state);
    }

    private Withdrawal refund(Withdrawal withdrawal) {
        // not in the account's turn: refunds are rare, and one must not be refused 429
        // after the money left
        SettledAccount after = this.transactions.execute((status) -> {
            if (!this.store.transition(withdrawal, List.of(Withdrawal.ACCEPTED, Withdrawal.PAYING),
                    Withdrawal.REFUNDED)) {
                return null; // refunded or paid already
            }
            return this.accounts.refund(withdrawal.actId(), entryNo("refund", withdrawal), "refund",
                    withdrawal.amountMinor());
        });
        if (after != null) {
            this.accounts.changed(after);
        }
        return withdrawal.inState(Withdrawal.REFUNDED);
    }

    private static String entryNo(String kind, Withdrawal withdrawal) {
        return kind + ":" + withdrawal.actId() + ":" + withdrawal.withdrawalNo();
    }

    private static Withdrawal answerExisting(WithdrawalStore.Stored existing, String hash) {
        if (!existing.requestHash().equals(hash)) {
            throw new ApiProblemException(HttpStatus.CONFLICT, ProblemTypes.WITHDRAWAL_CONFLICT,
                    "Withdrawal number already used",
                    "Withdrawal " + existing.withdrawal().withdrawalNo()
                            + " was made with other content; a retry must repeat the same content.",
                    Map.of("withdrawalNo", existing.withdrawal().withdrawalNo()));
        }
        return existing.withdrawal().asReplay();
    }

    private static ApiProblemException insufficientFunds(Withdrawal withdrawal) {
        return new ApiProblemException(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.INSUFFICIENT_FUNDS,
                "Insufficient funds", "The account holds less than " + withdrawal.amountMinor() + ".",
                Map.of("amountMinor", withdrawal.amountMinor()));
    }

}
