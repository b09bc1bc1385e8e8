package org.walletplatform.model;

/**
 * Shape checks of short identifiers on hot paths (every issuance and every signed call),
 * as plain character scans: a regular expression costs a matcher per call, and
 * {@code String.matches} compiles its pattern every time.
 */
public final class TextShapes {

    private TextShapes() {
    }

    /** 1 to {@code maxLength} ASCII digits. */
    public static boolean isDigits(String text, int maxLength) {
        if (text == null || text.isEmpty() || text.length() > maxLength) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code minLength} to {@code maxLength} ASCII letters, digits and characters of
     * {@code punctuation}.
     */
    public static boolean isToken(String text, int minLength, int maxLength, String punctuation) {
        if (text == null || text.length() < minLength || text.length() > maxLength) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean alphanumeric = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!alphanumeric && punctuation.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

}
