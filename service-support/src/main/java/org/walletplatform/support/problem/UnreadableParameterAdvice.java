package org.walletplatform.support.problem;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.walletplatform.model.ProblemTypes;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A query or form parameter Tomcat cannot read ({@code ?cursor=%ff}: percent-escapes that
 * are not UTF-8) is a 400, not a 500: Tomcat throws when the handler first asks for a
 * parameter. Ordered before {@link ProblemDetailsAdvice}, whose catch-all would otherwise
 * take it.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnreadableParameterAdvice {

    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> handleUnreadableParameter(InvalidParameterException ex) {
        return ResponseEntity.badRequest()
            .body(Problems.of(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST, "Malformed request",
                    "A query or form parameter could not be read: escape its value as percent-encoded UTF-8."));
    }

}
