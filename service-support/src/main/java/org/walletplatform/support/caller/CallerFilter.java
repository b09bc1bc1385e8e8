package org.walletplatform.support.caller;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies the {@link CallerCheck} to every request a servlet service receives.
 */
class CallerFilter extends OncePerRequestFilter {

    private final CallerCheck check;

    CallerFilter(CallerCheck check) {
        this.check = check;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (this.check.admit(request, response)) {
            chain.doFilter(request, response);
        }
    }

}
