package org.walletplatform.support.caller;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.walletplatform.model.ProblemTypes;
import org.walletplatform.model.caller.Caller;
import org.walletplatform.model.caller.CallerAssertion;
import org.walletplatform.support.problem.Problems;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;

/**
 * Verifies the gateway's caller assertion ({@link CallerAssertion}) and enforces who may
 * use which route, the same rules the gateway applies, so that a request reaching the
 * service some other way gains nothing: a user route naming an owner
 * ({@code /v1/wallet/{owner}/...}, {@code /v1/accounts/{owner}/...}) is for that user or
 * an admin, {@code /v1/withdrawals} for a user (the controller checks the body's
 * account), {@code /admin/**} for admins. A forged or stale assertion is 401 on any
 * route. The verified caller is handed on as the request attribute
 * {@link CallerAssertion#ATTRIBUTE}. Applied to every request by {@link CallerFilter}; a
 * filter that answers a hot route before the filter chain applies it itself.
 */
public final class CallerCheck {

    private final CallerProperties properties;

    private final JsonMapper json;

    private final Clock clock;

    CallerCheck(CallerProperties properties, JsonMapper json, Clock clock) {
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    /**
     * True if the request may go on; otherwise its refusal (401 or 403 problem) has been
     * written.
     */
    public boolean admit(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String assertion = request.getHeader(CallerAssertion.HEADER);
        String signature = request.getHeader(CallerAssertion.SIGNATURE);
        Optional<Caller> caller = Optional.empty();
        if (assertion != null || signature != null) {
            caller = CallerAssertion.verify(this.properties.secrets(), request.getMethod(), request.getRequestURI(),
                    assertion, signature, this.clock.instant());
            if (caller.isEmpty()) {
                refuse(request, response, HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHENTICATED, "Unauthenticated",
                        "The caller assertion is not valid for this request.");
                return false;
            }
        }
        String path = request.getRequestURI();
        String owner = ownerOf(path);
        boolean admin = path.startsWith("/admin/");
        boolean userRoute = owner != null || path.equals("/v1/withdrawals");
        if ((admin || userRoute) && caller.isEmpty() && this.properties.required()) {
            refuse(request, response, HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHENTICATED, "Unauthenticated",
                    "Call this route through the gateway with a bearer token.");
            return false;
        }
        if (caller.isPresent()) {
            Caller who = caller.get();
            if ((admin && !who.admin()) || (owner != null && !who.mayActFor(owner))) {
                refuse(request, response, HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden",
                        admin ? "Admin actions need the admin role." : "This resource belongs to another user.");
                return false;
            }
            request.setAttribute(CallerAssertion.ATTRIBUTE, who);
        }
        return true;
    }

    /**
     * The {@code owner} of {@code /v1/wallet/{owner}[/...]} or
     * {@code /v1/accounts/{owner}[/...]}, or null for any other path. A scan, not a
     * regular expression: every request a service receives is checked.
     */
    static String ownerOf(String path) {
        int start = path.startsWith("/v1/wallet/") ? 11 : path.startsWith("/v1/accounts/") ? 13 : -1;
        if (start < 0) {
            return null;
        }
        int end = path.indexOf('/', start);
        return (end == start || start == path.length()) ? null : path.substring(start, (end < 0) ? path.length() : end);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, URI type,
            String title, String detail) throws IOException {
        Problems.refuse(request, response, this.json, status, type, title, detail);
    }

}
