package org.walletplatform.read.wallet;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * {@code GET /v1/wallet/{userId}}, the platform's hottest route, answered before Spring
 * MVC's dispatch: handler lookup, argument resolution and return-value handling were
 * about half the CPU of an absent user's read (JFR, 2026-11-23). It runs after the caller
 * check and inside the {@code http.server.requests} observation, tagged with the route's
 * pattern. Only a well-formed positive id is answered here; anything else continues to
 * {@link WalletController}, which answers it with the usual problem. A read that throws
 * is answered by Spring MVC's exception resolvers (the services' problem advice), as the
 * controller's would be, without reading again.
 */
class WalletFastPath extends OncePerRequestFilter {

    static final String PATTERN = "/v1/wallet/{userId}";

    /** Up to 18 digits always fits a long; longer ids take the controller's way. */
    private static final Pattern PLAIN = Pattern.compile("^/v1/wallet/([1-9][0-9]{0,17})$");

    private final WalletAnswers answers;

    private final HandlerExceptionResolver errors;

    WalletFastPath(WalletAnswers answers, HandlerExceptionResolver errors) {
        this.answers = answers;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher plain = PLAIN.matcher(request.getRequestURI());
        if (!"GET".equals(request.getMethod()) || !plain.matches()) {
            chain.doFilter(request, response);
            return;
        }
        ServerHttpObservationFilter.findObservationContext(request)
            .ifPresent((context) -> context.setPathPattern(PATTERN));
        byte[] body;
        try {
            body = this.answers.answer(Long.parseLong(plain.group(1)));
        }
        catch (RuntimeException ex) {
            if (this.errors.resolveException(request, response, null, ex) == null) {
                throw ex;
            }
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<WalletFastPath> walletFastPath(WalletAnswers answers,
                @Qualifier("handlerExceptionResolver") HandlerExceptionResolver errors) {
            FilterRegistrationBean<WalletFastPath> registration = new FilterRegistrationBean<>(
                    new WalletFastPath(answers, errors));
            registration.addUrlPatterns("/v1/wallet/*");
            // after the caller check (HIGHEST_PRECEDENCE + 5), which enforces who may
            // read whom
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
            return registration;
        }

    }

}
