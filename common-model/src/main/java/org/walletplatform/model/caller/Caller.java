package org.walletplatform.model.caller;

/**
 * Who an app request acts for, as the gateway authenticated it: the token's subject (a
 * user id for app users) and whether it carries the admin role.
 *
 * @param subject the token's {@code sub}
 * @param admin whether the caller may run ops actions and read any user's assets
 */
public record Caller(String subject, boolean admin) {

    /** Whether this caller may act on the assets of the user or account {@code owner}. */
    public boolean mayActFor(String owner) {
        return this.admin || this.subject.equals(owner);
    }

}
