package org.walletplatform.write.notification;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The business lines integrated with the wallet (shared integration config,
 * {@code wallet-business-lines.yml}). The intake only needs to know which lines exist and
 * which push.
 */
@ConfigurationProperties("wallet")
public record IntegratedLinesProperties(@DefaultValue Map<String, Line> businessLines) {

    public record Line(@DefaultValue("push") String syncMode) {
    }

    List<String> pushLines() {
        return this.businessLines.entrySet()
            .stream()
            .filter((e) -> "push".equals(e.getValue().syncMode()))
            .map(Map.Entry::getKey)
            .sorted()
            .toList();
    }

    /** Whether the line is integrated in real-time mode (queried, never pushing). */
    public boolean queriedInRealtime(String businessLine) {
        Line line = this.businessLines.get(businessLine);
        return line != null && "realtime".equals(line.syncMode());
    }

    public boolean accepts(String businessLine) {
        Line line = businessLines.get(businessLine);
        return line != null && "push".equals(line.syncMode());
    }

}
