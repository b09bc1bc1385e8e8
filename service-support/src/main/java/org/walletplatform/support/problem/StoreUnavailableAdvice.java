package org.walletplatform.support.problem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A store (Redis, MySQL) that timed out or could not be reached is a 503 with
 * {@code Retry-After}, not a 500: every retried write is idempotent, so the client sends
 * the same request again. Ordered before {@link ProblemDetailsAdvice}, whose catch-all
 * would otherwise take these. Only in services with Spring's data-access classes.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class StoreUnavailableAdvice {

    private static final Logger log = LoggerFactory.getLogger(StoreUnavailableAdvice.class);

    @ExceptionHandler({ TransientDataAccessException.class, DataAccessResourceFailureException.class,
            CannotCreateTransactionException.class })
    ResponseEntity<ProblemDetail> handleStoreUnavailable(Exception ex) {
        return storeUnavailable(ex);
    }

    static ResponseEntity<ProblemDetail> storeUnavailable(Exception ex) {
        log.warn("A store did not answer: {}", ex.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
            .header(HttpHeaders.RETRY_AFTER, Problems.STORE_RETRY_AFTER_SECONDS)
            .body(Problems.storeUnavailable(
                    "A store the request needs did not answer in time; send the same request again shortly."));
    }

}
