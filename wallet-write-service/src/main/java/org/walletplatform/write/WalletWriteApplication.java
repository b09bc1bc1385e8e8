package org.walletplatform.write;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The wallet's write side: takes business lines' change notifications onto Kafka, and
 * releases the configurations the services read.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class WalletWriteApplication {

    public static void main(String[] args) {
        SpringApplication.run(WalletWriteApplication.class, args);
    }

}
