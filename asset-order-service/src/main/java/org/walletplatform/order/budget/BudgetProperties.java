package org.walletplatform.order.budget;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How instances prove they are alive while they hold budget, and how budget stranded with
 * a dead one is found and returned.
 *
 * @param heartbeatTtl an instance's heartbeat key lives this long; the instance itself
 * stops spending its shares after two thirds of it without a renewal, so a share is never
 * spent once it could be reclaimed
 * @param heartbeatInterval how often the heartbeat is renewed
 * @param reconcileInterval how often the reconciler runs (one instance at a time)
 * @param deadGrace how long a lessee must have been seen without a heartbeat before its
 * unspent leases are returned: time for orders taken just before it lapsed to be written
 */
@ConfigurationProperties("order.budget")
public record BudgetProperties(@DefaultValue("30s") Duration heartbeatTtl,
        @DefaultValue("10s") Duration heartbeatInterval, @DefaultValue("60s") Duration reconcileInterval,
        @DefaultValue("2m") Duration deadGrace) {

}
