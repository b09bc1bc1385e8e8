package org.walletplatform.order;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The asset order center: reward issuance, red-packet tokens, budgets and withdrawals.
 * Its features arrive with their own issues; today it starts, reports health and answers
 * unknown routes with problem+json.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AssetOrderApplication {

    public static void main(String[] args) {
        SpringApplication.run(AssetOrderApplication.class, args);
    }

}
