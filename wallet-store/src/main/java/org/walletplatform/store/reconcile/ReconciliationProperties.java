package org.walletplatform.store.reconcile;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The wallet cache's reconciliation against MySQL.
 *
 * @param cron when the sync worker starts it every day (T+1, at night by default)
 * @param pageSize MySQL rows, or cached wallets, checked per step
 * @param recheckAfter how long a drifted wallet is given before it is checked again and
 * dropped (a sync stores a line in MySQL a moment before it merges it into the cache)
 */
@ConfigurationProperties("wallet.reconciliation")
public record ReconciliationProperties(@DefaultValue("0 30 3 * * *") String cron, @DefaultValue("1000") int pageSize,
        @DefaultValue("500ms") Duration recheckAfter) {
}
