package org.walletplatform.support.configrelease;

import java.util.List;

/**
 * The released configurations' names, shared by the write service and their readers, and
 * where a configuration's released state lives in Redis: the state as JSON and its
 * revision apart, so a reader polls a few bytes and fetches the state only when it
 * changed. One hash tag per configuration keeps both keys on one Redis Cluster slot.
 */
public final class ReleaseKeys {

    /**
     * The home entry's slots and totals ({@code DisplayConfig}), read by the read
     * service.
     */
    public static final String DISPLAY = "display";

    /**
     * Where and how the lines are called ({@code IntegrationConfig}), read by the sync
     * worker (push lines) and the read service (real-time lines).
     */
    public static final String INTEGRATION = "integration";

    /** Every configuration the write service releases. */
    public static final List<String> NAMES = List.of(DISPLAY, INTEGRATION);

    private ReleaseKeys() {
    }

    public static String state(String name) {
        return "config:{" + name + "}:state";
    }

    public static String revision(String name) {
        return "config:{" + name + "}:revision";
    }

}
