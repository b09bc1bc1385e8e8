package org.walletplatform.sync.line;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongFunction;

import org.walletplatform.model.config.IntegrationConfig;

import org.springframework.stereotype.Component;

/**
 * The settings each user of a pull is pulled with: the line's built-in ones
 * ({@code wallet-business-lines.yml}), unless the released integration config names the
 * line (a gray release's for its whitelisted users, the stable one's for everyone else).
 */
@Component
public class LineSettings {

    private final BusinessLinesProperties builtIn;

    private final LongFunction<IntegrationConfig> released;

    LineSettings(BusinessLinesProperties builtIn, LongFunction<IntegrationConfig> released) {
        this.builtIn = builtIn;
        this.released = released;
    }

    /**
     * The users grouped by the settings they are pulled with: one group, or two while a
     * gray release changes the line for some of them; none for a line that is not
     * integrated.
     * @param wanted user id → the version announced
     */
    Map<BusinessLinesProperties.Line, Map<Long, Long>> group(String businessLine, Map<Long, Long> wanted) {
        BusinessLinesProperties.Line base = this.builtIn.businessLines().get(businessLine);
        if (base == null || wanted.isEmpty()) {
            return Map.of();
        }
        IntegrationConfig first = null;
        boolean mixed = false;
        for (Long user : wanted.keySet()) {
            IntegrationConfig config = this.released.apply(user);
            if (first == null) {
                first = config;
            }
            else if (config != first) {
                mixed = true;
                break;
            }
        }
        if (!mixed) {
            // the usual case: every user pulled alike, no copy
            return Map.of(settings(businessLine, base, first), wanted);
        }
        Map<BusinessLinesProperties.Line, Map<Long, Long>> groups = new HashMap<>(4);
        for (Map.Entry<Long, Long> user : wanted.entrySet()) {
            groups
                .computeIfAbsent(settings(businessLine, base, this.released.apply(user.getKey())),
                        (line) -> new HashMap<>())
                .put(user.getKey(), user.getValue());
        }
        return groups;
    }

    private static BusinessLinesProperties.Line settings(String businessLine, BusinessLinesProperties.Line base,
            IntegrationConfig config) {
        IntegrationConfig.LinePull pull = config.pushLines().get(businessLine);
        return (pull == null) ? base
                : new BusinessLinesProperties.Line(URI.create(pull.snapshotUrl()), pull.batchSnapshots(),
                        pull.rateLimitPerSecond(), Duration.ofMillis(pull.timeoutMillis()), pull.maxConcurrency());
    }

}
