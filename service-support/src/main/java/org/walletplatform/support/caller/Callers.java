package org.walletplatform.support.caller;

import java.util.Optional;

import org.walletplatform.model.ProblemTypes;
import org.walletplatform.model.caller.Caller;
import org.walletplatform.model.caller.CallerAssertion;
import org.walletplatform.support.problem.ApiProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The verified caller of the current request, for controllers that check what the path
 * alone cannot tell (an account named in the body, the actor of an admin action).
 */
public final class Callers {

    /**
     * The actor recorded for an admin action that came straight from a trusted internal
     * caller.
     */
    public static final String INTERNAL = "internal";

    private Callers() {
    }

    public static Optional<Caller> current() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return Optional.ofNullable((request != null)
                ? (Caller) request.getAttribute(CallerAssertion.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) : null);
    }

    /** Who an admin action is recorded as: the verified caller's subject. */
    public static String actor() {
        return current().map(Caller::subject).orElse(INTERNAL);
    }

    /**
     * Refuses (403) when a verified caller acts on an account that is not theirs; a
     * request without a caller got past the caller filter only as a trusted internal
     * call.
     */
    public static void requireMayActFor(long owner) {
        current().filter((caller) -> !caller.mayActFor(Long.toString(owner))).ifPresent((caller) -> {
            throw new ApiProblemException(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden",
                    "Account " + owner + " belongs to another user.");
        });
    }

}
