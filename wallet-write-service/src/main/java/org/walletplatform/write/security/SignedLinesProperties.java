package org.walletplatform.write.security;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Who may push: each business line's signing secrets. A line has one or two active
 * secrets, so a secret can be rotated without downtime (add the new one, move the line
 * over, remove the old one).
 *
 * @param lineSecrets business line id → its active secrets
 * @param maxBody the largest request body accepted
 */
@ConfigurationProperties("wallet.intake.security")
record SignedLinesProperties(@DefaultValue Map<String, List<String>> lineSecrets,
        @DefaultValue("1MB") DataSize maxBody) {

    List<String> secretsOf(String line) {
        return this.lineSecrets.getOrDefault(line, List.of());
    }

}
