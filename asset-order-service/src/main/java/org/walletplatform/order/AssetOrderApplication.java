package org.walletplatform.order;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The asset order center: idempotent reward issuance into orders sharded by actID, under
 * per-scene budgets leased in chunks from Redis. Red-packet tokens, delivery to reward
 * downstreams, identity and withdrawals arrive with later increments.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class AssetOrderApplication {

    public static void main(String[] args) {
        SpringApplication.run(AssetOrderApplication.class, args);
    }

}
