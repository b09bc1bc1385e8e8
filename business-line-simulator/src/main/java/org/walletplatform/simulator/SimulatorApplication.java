package org.walletplatform.simulator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * A stand-in for the business lines the wallet integrates. It implements the same HTTP
 * contract a real line would (docs/business-line-contract.md), with data that changes
 * over time, injectable faults, and a pusher that sends change notifications to the
 * wallet's intake. It is not part of the platform.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SimulatorApplication {

    public static void main(String[] args) {
        SpringApplication.run(SimulatorApplication.class, args);
    }

}
