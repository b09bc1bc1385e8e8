package org.walletplatform.sync.sync;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sync worker settings.
 *
 * @param partitions partitions of the notification topics when the worker creates them
 * @param retryInitialInterval first pause before a failed batch is retried
 * @param retryMaxInterval longest pause between retries of a failed batch
 */
@ConfigurationProperties("wallet.sync")
record SyncProperties(@DefaultValue("6") int partitions, @DefaultValue("200ms") Duration retryInitialInterval,
        @DefaultValue("10s") Duration retryMaxInterval) {
}
