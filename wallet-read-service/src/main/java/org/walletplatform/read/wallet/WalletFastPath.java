package org.walletplatform.read.wallet;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.http.Outcome;
import org.walletplatform.support.caller.CallerCheck;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * {@code GET /v1/wallet/{userId}}, the platform's hottest route, answered first, before
 * the servlet filter chain and Spring MVC's dispatch: handler lookup, argument resolution
 * and return-value handling were about half the CPU of an absent user's read (JFR,
 * 2026-11-23), and the generic filters in front of it (Spring's request observation,
 * character encoding, the caller filter, each with its once-per-request bookkeeping) were
 * about 6 % (JFR, 2026-12-05). So it applies the {@link CallerCheck} itself and times
 * every answer into {@code http.server.requests} under the route's pattern, with the tags
 * Spring's observation would give, through a timer built once for the usual 200. Only a
 * well-formed positive id, asked for by a client that takes JSON, is answered here;
 * anything else continues down the chain to {@link WalletController}, which answers it
 * with the usual problem (406 for an {@code Accept} without JSON). A read that throws is
 * answered by Spring MVC's exception resolvers (the services' problem advice), as the
 * controller's would be, without reading again.
 */
class WalletFastPath extends OncePerRequestFilter {

    static final String PATTERN = "/v1/wallet/{userId}";

    static final String REQUESTS = "http.server.requests";

    private static final String PREFIX = "/v1/wallet/";

    /** Up to 18 digits always fits a long; longer ids take the controller's way. */
    private static final int MAX_DIGITS = 18;

    private final CallerCheck callers;

    private final WalletAnswers answers;

    private final HandlerExceptionResolver errors;

    private final MeterRegistry meters;

    private final Timer answered;

    WalletFastPath(CallerCheck callers, WalletAnswers answers, HandlerExceptionResolver errors, MeterRegistry meters) {
        this.callers = callers;
        this.answers = answers;
        this.errors = errors;
        this.meters = meters;
        this.answered = timer(HttpServletResponse.SC_OK, null).register(meters);
    }

    /**
     * The id of {@code /v1/wallet/<id>} when {@code id} is 1 to 18 digits without a
     * leading zero, else -1. A scan, not a regular expression: it runs on every read.
     */
    static long plainId(String uri) {
        int digits = uri.length() - PREFIX.length();
        if (digits < 1 || digits > MAX_DIGITS || !uri.startsWith(PREFIX) || uri.charAt(PREFIX.length()) == '0') {
            return -1;
        }
        for (int i = PREFIX.length(); i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
        }
        return Long.parseLong(uri, PREFIX.length(), uri.length(), 10);
    }

    /**
     * Whether an {@code Accept} header (null if none) lets the answer be JSON; the usual
     * ones by comparison, others parsed. An unparsable one is left to Spring MVC.
     */
    static boolean takesJson(String accept) {
        if (accept == null || accept.equals("*/*") || accept.equals(MediaType.APPLICATION_JSON_VALUE)) {
            return true;
        }
        try {
            return MediaType.parseMediaTypes(accept)
                .stream()
                .anyMatch((type) -> type.getQualityValue() > 0 && type.isCompatibleWith(MediaType.APPLICATION_JSON));
        }
        catch (InvalidMediaTypeException ex) {
            return false;
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long userId = "GET".equals(request.getMethod()) ? plainId(request.getRequestURI()) : -1;
        if (userId < 0 || !takesJson(request.getHeader(HttpHeaders.ACCEPT))) {
            chain.doFilter(request, response);
            return;
        }
        long started = System.nanoTime();
        if (!this.callers.admit(request, response)) {
            timer(response.getStatus(), null).register(this.meters)
                .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            return;
        }
        byte[] body;
        try {
            body = this.answers.answer(userId);
        }
        catch (RuntimeException ex) {
            try {
                if (this.errors.resolveException(request, response, null, ex) == null) {
                    throw ex;
                }
            }
            finally {
                timer(response.getStatus(), ex).register(this.meters)
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            }
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        this.answered.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }

    /** The tags of Spring's {@code http.server.requests} for this route. */
    private static Timer.Builder timer(int status, Throwable failure) {
        String exception = (failure != null) ? failure.getClass().getSimpleName() : "none";
        return Timer.builder(REQUESTS)
            .description("HTTP server request processing time")
            .tag("method", "GET")
            .tag("uri", PATTERN)
            .tag("status", Integer.toString(status))
            .tag("outcome", Outcome.forStatus(status).name())
            .tag("exception", exception)
            .tag("error", exception);
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<WalletFastPath> walletFastPath(CallerCheck callers, WalletAnswers answers,
                @Qualifier("handlerExceptionResolver") HandlerExceptionResolver errors, MeterRegistry meters) {
            FilterRegistrationBean<WalletFastPath> registration = new FilterRegistrationBean<>(
                    new WalletFastPath(callers, answers, errors, meters));
            registration.addUrlPatterns("/v1/wallet/*");
            // first: before the request observation (HIGHEST_PRECEDENCE + 1) and the
            // caller filter (+ 5); only the encoding filter shares this order, and
            // either may run first
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }

    }

}
