package org.walletplatform.write.config;

import java.util.List;

/**
 * The configurations released here, each with its own release endpoint that knows its
 * shape.
 */
final class ConfigNames {

    /** The wallet home's slots and totals (DisplayConfig), read by the read service. */
    static final String DISPLAY = "display";

    static final List<String> ALL = List.of(DISPLAY);

    private ConfigNames() {
    }

}
