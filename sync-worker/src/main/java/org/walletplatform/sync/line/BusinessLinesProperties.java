package org.walletplatform.sync.line;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Integration config of the business lines the worker pulls from
 * ({@code wallet-business-lines.yml}).
 */
@ConfigurationProperties("wallet")
public record BusinessLinesProperties(@DefaultValue Map<String, Line> businessLines) {

    /**
     * @param snapshotUrl base URL of the line's snapshot API
     * @param batchSnapshots whether the line offers {@code POST /v1/snapshots:batch}
     * @param rateLimitPerSecond calls per second the wallet may make to the line
     * @param timeout how long one call may take
     * @param maxConcurrency calls to this line in flight at once from one worker
     */
    public record Line(URI snapshotUrl, @DefaultValue("false") boolean batchSnapshots,
            @DefaultValue("1000") int rateLimitPerSecond, @DefaultValue("2s") Duration timeout,
            @DefaultValue("32") int maxConcurrency) {
    }

}
