package org.walletplatform.support.linesigning;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Which routes business lines must sign, and with what: each line's signing secrets. A
 * line has one or two active secrets, so a secret can be rotated without downtime (add
 * the new one, move the line over, remove the old one).
 *
 * @param lineSecrets business line id → its active secrets
 * @param paths the path prefixes whose requests must be signed (none: no check at all)
 * @param maxBody the largest request body accepted on those routes
 * @param deferredNoncePaths the paths whose POST handler claims the request's nonce with
 * its own write (see {@link DeferredNonce})
 */
@ConfigurationProperties("wallet.signed-lines")
public record SignedLinesProperties(@DefaultValue Map<String, List<String>> lineSecrets,
        @DefaultValue List<String> paths, @DefaultValue("1MB") DataSize maxBody,
        @DefaultValue List<String> deferredNoncePaths) {

    boolean defersNonce(String method, String path) {
        return "POST".equals(method) && this.deferredNoncePaths.contains(path);
    }

    boolean covers(String path) {
        return this.paths.stream().anyMatch(path::startsWith);
    }

}
