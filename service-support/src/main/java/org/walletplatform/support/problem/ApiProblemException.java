package org.walletplatform.support.problem;

import java.net.URI;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A domain refusal that maps 1:1 to a problem response. Subclass it per kind of refusal
 * so the type, status and title are fixed in one place; the detail and machine fields
 * vary per occurrence.
 */
public class ApiProblemException extends ErrorResponseException {

    public ApiProblemException(HttpStatus status, URI type, String title, String detail) {
        this(status, type, title, detail, Map.of());
    }

    public ApiProblemException(HttpStatus status, URI type, String title, String detail,
            Map<String, Object> properties) {
        this(status, type, title, detail, properties, null);
    }

    public ApiProblemException(HttpStatus status, URI type, String title, String detail, Map<String, Object> properties,
            Throwable cause) {
        super(status, Problems.of(status, type, title, detail), cause);
        properties.forEach(getBody()::setProperty);
    }

}
