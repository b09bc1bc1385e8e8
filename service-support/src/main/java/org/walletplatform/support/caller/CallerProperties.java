package org.walletplatform.support.caller;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service learns who an app request acts for: the secrets the gateway signs caller
 * assertions with (two while one rotates), and whether user and admin routes demand an
 * assertion. Only a service reached solely by trusted internal callers, such as a test
 * calling it straight, may set {@code required} to false; an assertion that is present is
 * verified and enforced either way.
 *
 * @param secrets the gateway's active caller-assertion secrets
 * @param required whether a user or admin route without an assertion is refused (401)
 */
@ConfigurationProperties("wallet.caller")
public record CallerProperties(@DefaultValue List<String> secrets, @DefaultValue("true") boolean required) {
}
