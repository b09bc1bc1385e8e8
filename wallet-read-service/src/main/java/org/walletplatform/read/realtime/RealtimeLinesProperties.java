package org.walletplatform.read.realtime;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.walletplatform.model.config.IntegrationConfig;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The business lines queried in real time (integration config,
 * {@code wallet-business-lines.yml}, lines with {@code sync-mode: realtime}).
 */
@ConfigurationProperties("wallet")
record RealtimeLinesProperties(@DefaultValue Map<String, Line> businessLines) {

    /**
     * @param queryUrl base URL of the line's real-time query API
     * @param timeout how long one call may take
     * @param maxConcurrent calls to the line in flight at once from one read instance
     * (its bulkhead)
     */
    record Line(@DefaultValue("push") String syncMode, URI queryUrl, @DefaultValue("1s") Duration timeout,
            @DefaultValue("16") int maxConcurrent) {
    }

    /**
     * The line if it is integrated in real-time mode, with the settings the released
     * integration config gives it, if it names the line.
     */
    Line realtime(String businessLine, IntegrationConfig released) {
        Line line = realtime(businessLine);
        IntegrationConfig.LineQuery query = released.realtimeLines().get(businessLine);
        return (line == null || query == null) ? line : new Line(line.syncMode(), URI.create(query.queryUrl()),
                Duration.ofMillis(query.timeoutMillis()), query.maxConcurrent());
    }

    /** The line if it is integrated in real-time mode. */
    Line realtime(String businessLine) {
        Line line = this.businessLines.get(businessLine);
        return (line != null && "realtime".equals(line.syncMode()) && line.queryUrl() != null) ? line : null;
    }

}
