package org.walletplatform.order.withdrawal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Withdrawal limits and the janitor.
 *
 * @param perUserPerMinute withdrawals one account may make per minute
 * @param globalPerSecond withdrawals this instance accepts per second, all accounts
 * together: past it, callers are asked to come back (429) rather than queue
 * @param stuckAfter a withdrawal still accepted or paying this long is resolved by the
 * janitor
 * @param janitorInterval how often the janitor looks
 * @param accountTurnWait how long a withdrawal waits for the one before it on the same
 * account to leave the database before it is answered 429
 */
@ConfigurationProperties("order.withdrawal")
record WithdrawalProperties(@DefaultValue("10") int perUserPerMinute, @DefaultValue("200") int globalPerSecond,
        @DefaultValue("30s") Duration stuckAfter, @DefaultValue("10s") Duration janitorInterval,
        @DefaultValue("5s") Duration accountTurnWait) {

}
