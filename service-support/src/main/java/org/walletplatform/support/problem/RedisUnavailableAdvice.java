package org.walletplatform.support.problem;

import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.redis.connection.RedisPipelineException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Redis errors that only say "not now" are a 503 with {@code Retry-After}, like a store
 * that did not answer: on a Cluster, a call over several keys of a slot that is moving to
 * another node ({@code TRYAGAIN}), a Cluster failing a master over ({@code CLUSTERDOWN}),
 * a write that reached a replica before the client saw the failover ({@code READONLY});
 * on any Redis, one still loading its data ({@code LOADING}) or running a long script
 * ({@code BUSY}). Spring reports them as a {@link RedisSystemException}, or from a
 * pipeline as a {@link RedisPipelineException}, each otherwise a 500 (a cash issuance
 * half way through its shard's move to another node was). Only in services with Redis.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RedisUnavailableAdvice {

    /**
     * The error codes Redis answers a command with when the same command can succeed
     * later.
     */
    static final List<String> TRANSIENT = List.of("TRYAGAIN", "CLUSTERDOWN", "MASTERDOWN", "READONLY", "LOADING",
            "BUSY", "NOREPLICAS");

    @ExceptionHandler({ RedisSystemException.class, RedisPipelineException.class })
    ResponseEntity<?> handleRedisError(DataAccessException ex) {
        return isTransient(ex) ? StoreUnavailableAdvice.storeUnavailable(ex) : ProblemDetailsAdvice.unexpected(ex);
    }

    /**
     * Whether anything the error wraps says "not now": a store that did not answer (what
     * {@link StoreUnavailableAdvice} answers 503 for, such as a timed-out command in a
     * pipeline), or Redis's own answer beginning with a transient error code.
     */
    static boolean isTransient(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
            if (cause instanceof TransientDataAccessException || cause instanceof DataAccessResourceFailureException) {
                return true;
            }
            String message = (cause.getMessage() != null) ? cause.getMessage() : "";
            if (TRANSIENT.stream().anyMatch((code) -> message.startsWith(code + " ") || message.equals(code))) {
                return true;
            }
        }
        return false;
    }

}
