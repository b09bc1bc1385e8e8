package org.walletplatform.write.config;

import java.util.List;

/**
 * The configurations released here, each with its own release endpoint that knows its
 * shape.
 */
final class ConfigNames {

    /** The wallet home's slots and totals (DisplayConfig), read by the read service. */
    static final String DISPLAY = "display";

    /**
     * Where and how the lines are called (IntegrationConfig): read by the sync worker
     * (push lines) and the read service (real-time lines).
     */
    static final String INTEGRATION = "integration";

    static final List<String> ALL = List.of(DISPLAY, INTEGRATION);

    private ConfigNames() {
    }

}
