package org.walletplatform.sync;

import org.walletplatform.store.WalletStoreConfiguration;
import org.walletplatform.support.configrelease.IntegrationReaderConfiguration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Turns change notifications into stored snapshots: Kafka in, business-line pulls,
 * sharded MySQL and Redis out.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import({ WalletStoreConfiguration.class, IntegrationReaderConfiguration.class })
@EnableScheduling
public class SyncWorkerApplication {

    public static void main(String[] args) {
        SpringApplication.run(SyncWorkerApplication.class, args);
    }

}
