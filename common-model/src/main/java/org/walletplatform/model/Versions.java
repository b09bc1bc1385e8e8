package org.walletplatform.model;

/**
 * Bounds of a snapshot version. Versions are at most 2^53 - 1 so that every JSON client
 * (JavaScript included) reads them exactly; anything larger is treated as a bad input,
 * not silently rounded.
 */
public final class Versions {

    public static final long MAX = 9_007_199_254_740_991L;

    private Versions() {
    }

}
