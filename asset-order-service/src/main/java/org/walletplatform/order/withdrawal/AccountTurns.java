package org.walletplatform.order.withdrawal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/**
 * Lets one withdrawal at a time per account into the database, in this instance. Debits
 * of one account queue on its row lock anyway, but each would wait there holding a shard
 * connection: a burst on one account could take the whole pool and time out everyone
 * else's requests. Here they wait before taking one. The row lock still keeps instances
 * apart; this only keeps the waiting out of the pool. Accounts share a fixed set of fair
 * locks, so memory stays bounded; two accounts on one stripe wait for each other briefly.
 */
@Component
class AccountTurns {

    private static final int STRIPES = 1024;

    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

    private final long waitMillis;

    AccountTurns(WithdrawalProperties properties) {
        for (int i = 0; i < STRIPES; i++) {
            this.stripes[i] = new ReentrantLock(true);
        }
        this.waitMillis = properties.accountTurnWait().toMillis();
    }

    /**
     * Runs {@code work} once no other withdrawal of the account is in it; answers 429 if
     * the turn does not come within the configured wait.
     */
    <T> T inTurn(long actId, Supplier<T> work) {
        ReentrantLock lock = this.stripes[Math.floorMod(Long.hashCode(actId), STRIPES)];
        if (!acquire(lock)) {
            throw WithdrawalLimits.limited("Too many withdrawals for this account at once", 1);
        }
        try {
            return work.get();
        }
        finally {
            lock.unlock();
        }
    }

    private boolean acquire(ReentrantLock lock) {
        try {
            return lock.tryLock(this.waitMillis, TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

}
