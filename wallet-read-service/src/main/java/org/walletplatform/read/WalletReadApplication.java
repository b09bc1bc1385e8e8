package org.walletplatform.read;

import org.walletplatform.store.WalletStoreConfiguration;
import org.walletplatform.support.configrelease.IntegrationReaderConfiguration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/**
 * The wallet's read side: answers users' wallet views from the Redis cache, falling back
 * to sharded MySQL.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import({ WalletStoreConfiguration.class, IntegrationReaderConfiguration.class })
public class WalletReadApplication {

    public static void main(String[] args) {
        SpringApplication.run(WalletReadApplication.class, args);
    }

}
