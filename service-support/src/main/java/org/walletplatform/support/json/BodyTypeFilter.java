package org.walletplatform.support.json;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.walletplatform.model.ProblemTypes;
import org.walletplatform.support.problem.Problems;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses with a 415 problem a body whose {@code Content-Type} Spring MVC fails on before
 * any converter is asked, which would be a 500: a wildcard ({@code *},
 * {@code application/*+json}), which Spring's headers refuse to hold, and multipart,
 * which the dispatcher parses up front. No endpoint reads either. Every other type is
 * left to the converters, which answer the 415 for what they cannot read.
 */
class BodyTypeFilter extends OncePerRequestFilter {

    private final JsonMapper json;

    BodyTypeFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (type != null && (wildcard(type) || type.stripLeading().regionMatches(true, 0, "multipart/", 0, 10))) {
            Problems.refuse(request, response, this.json, HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    ProblemTypes.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
                    "Content-Type " + type.strip() + " is not supported; send the body as application/json.");
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean wildcard(String type) {
        if (type.indexOf('*') < 0) {
            return false;
        }
        try {
            MediaType media = MediaType.parseMediaType(type);
            return media.isWildcardType() || media.isWildcardSubtype();
        }
        catch (InvalidMediaTypeException ex) {
            return false; // the converters answer an unparsable type with their own 415
        }
    }

}
