package org.walletplatform.support.configrelease;

/**
 * Where a configuration's released state lives in Redis: the state as JSON and its
 * revision apart, so a reader polls a few bytes and fetches the state only when it
 * changed. One hash tag per configuration keeps both keys on one Redis Cluster slot.
 */
public final class ReleaseKeys {

    private ReleaseKeys() {
    }

    public static String state(String name) {
        return "config:{" + name + "}:state";
    }

    public static String revision(String name) {
        return "config:{" + name + "}:revision";
    }

}
