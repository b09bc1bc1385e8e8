package org.walletplatform.model;

/**
 * The shape of a business line id: lowercase, starting with a letter, at most 32
 * characters. Ids appear in URLs, Redis keys and metric tags, so the shape is strict.
 */
public final class BusinessLineIds {

    public static final String REGEX = "^[a-z][a-z0-9-]{0,31}$";

    /**
     * Whether {@code id} has the shape {@link #REGEX} describes, as a plain scan (hot
     * paths: every notification).
     */
    public static boolean isValid(String id) {
        if (id == null || id.isEmpty() || id.length() > 32 || id.charAt(0) < 'a' || id.charAt(0) > 'z') {
            return false;
        }
        for (int i = 1; i < id.length(); i++) {
            char c = id.charAt(i);
            if ((c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '-') {
                return false;
            }
        }
        return true;
    }

    private BusinessLineIds() {
    }

}
