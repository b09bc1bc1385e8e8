package org.walletplatform.order.walletline;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The order center as a business line of the wallet.
 *
 * @param line the line id the wallet knows it by
 * @param intakeUrl the wallet write service, where changes are pushed
 * @param secret the line's signing secret (the default is the development secret)
 * @param flushInterval changed accounts are collected this long and pushed in one batch
 */
@ConfigurationProperties("order.wallet-line")
record WalletLineProperties(@DefaultValue("redpacket") String line,
        @DefaultValue("http://127.0.0.1:8082") URI intakeUrl, @DefaultValue("dev-secret-redpacket") String secret,
        @DefaultValue("200ms") Duration flushInterval) {

}
