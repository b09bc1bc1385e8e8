package org.walletplatform.support.problem;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.walletplatform.model.ProblemTypes;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Builds problem details the one way every service uses.
 */
public final class Problems {

    /**
     * Seconds a client waits before retrying a request refused because a store did not
     * answer.
     */
    public static final String STORE_RETRY_AFTER_SECONDS = "1";

    private Problems() {
    }

    /** Writes a problem from a servlet filter, where the MVC advice does not reach. */
    public static void write(HttpServletResponse response, JsonMapper json, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    /**
     * Answers a request a servlet filter refuses: the problem, with the request's path as
     * its instance.
     */
    public static void refuse(HttpServletRequest request, HttpServletResponse response, JsonMapper json,
            HttpStatus status, URI type, String title, String detail) throws IOException {
        ProblemDetail problem = of(status, type, title, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        write(response, json, problem);
    }

    /**
     * A store (Redis, MySQL) did not answer: 503 {@code service-unavailable}; the caller
     * sets {@code Retry-After} to {@link #STORE_RETRY_AFTER_SECONDS}.
     */
    public static ProblemDetail storeUnavailable(String detail) {
        return of(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.SERVICE_UNAVAILABLE, "Service unavailable", detail);
    }

    public static ProblemDetail of(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }

}
