package org.walletplatform.gateway.caller;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The secrets the gateway signs caller assertions with; the first signs, and the services
 * accept any listed in their own {@code wallet.caller.secrets}, so a rotation adds the
 * new secret to the services first, then moves it to the front here.
 *
 * @param secrets the signing secrets, the active one first
 */
@ConfigurationProperties("wallet.caller")
record CallerProperties(List<String> secrets) {

    CallerProperties {
        if (secrets == null || secrets.isEmpty() || secrets.get(0).isBlank()) {
            throw new IllegalArgumentException("wallet.caller.secrets needs at least one secret");
        }
    }

}
