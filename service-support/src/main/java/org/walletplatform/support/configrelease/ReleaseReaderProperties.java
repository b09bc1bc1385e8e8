package org.walletplatform.support.configrelease;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a service reads released configurations.
 *
 * @param pollInterval how often it asks Redis whether a newer revision is out: a release
 * reaches every instance within this
 * @param mirror the MySQL mirror, asked only while Redis does not answer (a connection
 * per poll, with short timeouts)
 */
@Validated
@ConfigurationProperties("wallet.config-releases")
public record ReleaseReaderProperties(@DefaultValue("1s") Duration pollInterval, @DefaultValue Mirror mirror) {

    public record Mirror(
            @DefaultValue("jdbc:mariadb://127.0.0.1:3306/wallet_config?connectTimeout=2000&socketTimeout=2000") @NotBlank String url,
            @DefaultValue("root") String username, @DefaultValue("") String password) {
    }

}
