package org.walletplatform.sync.line;

/**
 * A snapshot pull that failed. {@link #reason()} is a short bounded word used as
 * dead-letter reason and metric tag.
 */
public class PullException extends RuntimeException {

    private final String reason;

    public PullException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public PullException(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public String reason() {
        return this.reason;
    }

    /**
     * Worth trying again: the line was down, slow, overloaded, or not yet at the
     * announced version.
     */
    public static class Retryable extends PullException {

        public Retryable(String reason, String message) {
            super(reason, message);
        }

        public Retryable(String reason, String message, Throwable cause) {
            super(reason, message, cause);
        }

    }

}
