package org.walletplatform.simulator;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The simulated lines and where to push notifications.
 *
 * @param intakeUrl base URL of the wallet's notification intake
 * @param seed seed of the generated asset amounts, so runs are reproducible
 * @param realtimeLines lines that answer real-time queries instead of pushing
 */
@ConfigurationProperties("simulator")
public record SimulatorProperties(@DefaultValue("http://127.0.0.1:8082") URI intakeUrl,
        @DefaultValue("20261122") long seed, Map<String, LineSpec> lines, @DefaultValue List<String> realtimeLines) {

    /**
     * @param kind asset kind the line holds ({@code cash}, {@code cashback},
     * {@code coupon}, {@code virtual-currency})
     * @param unit unit of its amounts
     * @param batch whether the line offers the batch snapshot call
     * @param secret the secret the line signs its pushes with (shared with the intake)
     */
    public record LineSpec(String kind, String unit, @DefaultValue("false") boolean batch, String secret) {
    }

}
