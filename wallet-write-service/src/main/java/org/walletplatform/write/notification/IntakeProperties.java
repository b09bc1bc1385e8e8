package org.walletplatform.write.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Intake settings.
 *
 * @param ackTimeout how long a request waits for the broker's acknowledgement before
 * answering 503
 * @param partitions partitions of the notifications topic when the intake creates it
 */
@ConfigurationProperties("wallet.intake")
record IntakeProperties(@DefaultValue("10s") Duration ackTimeout, @DefaultValue("6") int partitions) {
}
