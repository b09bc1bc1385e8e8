package org.walletplatform.model;

/**
 * The shape of a business line id: lowercase, starting with a letter, at most 32
 * characters. Ids appear in URLs, Redis keys and metric tags, so the shape is strict.
 */
public final class BusinessLineIds {

    public static final String REGEX = "^[a-z][a-z0-9-]{0,31}$";

    private BusinessLineIds() {
    }

}
