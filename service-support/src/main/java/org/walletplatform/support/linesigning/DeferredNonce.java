package org.walletplatform.support.linesigning;

/**
 * The nonce of a signed request on a route whose handler claims it in the same Redis call
 * as its own write ({@code wallet.signed-lines.deferred-nonce-paths}): one round trip per
 * request instead of two. The filter checks the signature and hands this on as the
 * request attribute {@link #ATTRIBUTE}; the handler claims it before it changes anything
 * and reports what it found with {@link #claimed}. If the handler refused the request
 * without claiming the nonce, the filter claims it afterwards, so a nonce is never
 * accepted twice.
 */
public final class DeferredNonce {

    public static final String ATTRIBUTE = "org.walletplatform.support.linesigning.DeferredNonce";

    private final String key;

    private volatile boolean decided;

    DeferredNonce(String key) {
        this.key = key;
    }

    /** The Redis key to set if absent, for {@link RequestNonces#TTL}. */
    public String key() {
        return this.key;
    }

    public long ttlSeconds() {
        return RequestNonces.TTL.toSeconds();
    }

    /**
     * Records the handler's claim.
     * @param firstUse whether the key was absent (and is set now); if not, the request is
     * refused: 401 request-replayed
     */
    public void claimed(boolean firstUse) {
        this.decided = true;
        if (!firstUse) {
            throw RequestNonces.replayed();
        }
    }

    boolean decided() {
        return this.decided;
    }

}
