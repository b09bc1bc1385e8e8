package org.walletplatform.sdk;

/**
 * The order center refused a call (a 4xx problem), or could not be reached in the
 * attempts allowed.
 */
public class WalletApiException extends RuntimeException {

    private final int status;

    private final String problemType;

    public WalletApiException(int status, String problemType, String message) {
        super(message);
        this.status = status;
        this.problemType = problemType;
    }

    /** The HTTP status, or 0 when no answer came. */
    public int status() {
        return this.status;
    }

    /** The problem type URI of a refusal (RFC 7807), or null. */
    public String problemType() {
        return this.problemType;
    }

}
