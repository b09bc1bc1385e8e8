package org.walletplatform.support.problem;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.walletplatform.model.ProblemTypes;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every error of a servlet service into {@code application/problem+json} with a
 * stable {@code type} from {@link ProblemTypes}, a fixed title and a specific detail.
 * Field-level failures are listed under {@code violations}; nothing internal (stack
 * traces, SQL, class names) reaches the client.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    /** How Jackson's duplicate detection (StrictJsonConfiguration) begins its message. */
    private static final String DUPLICATE = "Duplicate Object property";

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Violation> violations = ex.getBindingResult()
            .getFieldErrors()
            .stream()
            .map((error) -> new Violation(error.getField(), error.getDefaultMessage()))
            .toList();
        return validationProblem(violations, headers);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Violation> violations = ex.getParameterValidationResults()
            .stream()
            .flatMap((result) -> result.getResolvableErrors()
                .stream()
                .map((error) -> new Violation(result.getMethodParameter().getParameterName(),
                        error.getDefaultMessage())))
            .toList();
        return validationProblem(violations, headers);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex) {
        List<Violation> violations = ex.getConstraintViolations()
            .stream()
            .map((v) -> new Violation(v.getPropertyPath().toString(), v.getMessage()))
            .toList();
        return validationProblem(violations, new HttpHeaders());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST,
                "Malformed request body", "The request body is not valid JSON of the expected shape.");
        // a duplicate deep in the body carries the path of its object only; the parser
        // still stands at the field
        if (ex.getCause() instanceof StreamReadException read && read.processor() != null
                && String.valueOf(read.getOriginalMessage()).startsWith(DUPLICATE)) {
            String field = fieldPath(read.processor().streamReadContext());
            problem.setDetail("Field '" + field + "' appears more than once.");
            problem.setProperty("field", field);
        }
        else if (ex.getCause() instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            String field = fieldPath(jackson.getPath());
            problem.setDetail((jackson instanceof UnrecognizedPropertyException)
                    ? "Field '" + field + "' is not part of this request."
                    : "Field '" + field + "' is missing, of the wrong type or out of range.");
            problem.setProperty("field", field);
        }
        return ResponseEntity.badRequest().headers(headers).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = (ex.getPropertyName() != null) ? ex.getPropertyName() : "parameter";
        return validationProblem(List.of(new Violation(field, "must be a " + typeName(ex.getRequiredType()))), headers);
    }

    private static String typeName(@Nullable Class<?> type) {
        if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
            return "whole number";
        }
        return (type != null) ? type.getSimpleName() : "value of the expected type";
    }

    /** Says which endpoint does not exist, not Spring's "No static resource …". */
    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String path = (request instanceof ServletWebRequest servlet) ? servlet.getRequest().getRequestURI()
                : "/" + ex.getResourcePath();
        ProblemDetail problem = Problems.of(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found",
                "There is no endpoint " + ex.getHttpMethod().name() + " " + path + ".");
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception ex) {
        return unexpected(ex);
    }

    static ResponseEntity<Object> unexpected(Exception ex) {
        log.error("Unexpected error", ex);
        return ResponseEntity.internalServerError()
            .body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL, "Internal error",
                    "The request could not be completed; it is safe to retry."));
    }

    /**
     * Gives Spring's own problems (404, 405, 415, ...) our stable types instead of none
     * (Spring Framework 7 leaves the type unset where 6 said {@code about:blank}).
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (body == null && ex instanceof ErrorResponse response) {
            // Spring passes its own exceptions' problems as the exception's body, not as
            // body
            body = response.getBody();
        }
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null || URI.create("about:blank").equals(problem.getType()))) {
            problem.setType(ProblemTypes.forStatus(statusCode.value()));
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    private ResponseEntity<Object> validationProblem(List<Violation> violations, HttpHeaders headers) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Invalid request",
                violations.stream()
                    .map((v) -> v.field() + " " + v.message())
                    .reduce((a, b) -> a + "; " + b)
                    .orElse("The request is invalid."));
        problem.setProperty("violations", violations);
        return ResponseEntity.badRequest().headers(headers).body(problem);
    }

    static String fieldPath(List<JacksonException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference reference : path) {
            if (reference.getPropertyName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
            }
            else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    /** The field a parser stopped at, written as {@link #fieldPath(List)} writes one. */
    static String fieldPath(TokenStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (TokenStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            parts.addFirst(at.inArray() ? "[" + at.getCurrentIndex() + "]" : "." + at.currentName());
        }
        String path = String.join("", parts);
        return path.startsWith(".") ? path.substring(1) : path;
    }

    /** One field that failed validation. */
    public record Violation(String field, String message) {
    }

}
