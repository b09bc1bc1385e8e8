package org.walletplatform.redpacket.token;

/** A presented red-packet token that is not one this platform signed as it stands. */
public class InvalidTokenException extends RuntimeException {

    private final Reason reason;

    public InvalidTokenException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return this.reason;
    }

    /** Why a token is refused. */
    public enum Reason {

        /** Not two base64url parts around a dot, or a payload that is not a token. */
        MALFORMED,

        /** Signed with a key id this platform does not know. */
        UNKNOWN_KEY,

        /** The signature does not match the payload: forged or altered. */
        BAD_SIGNATURE

    }

}
