package org.walletplatform.gateway.system;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;

import org.walletplatform.model.ProblemTypes;
import reactor.core.publisher.Mono;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers every error the gateway itself produces (no route, service down or breaking
 * off, timeouts, a body too large) as problem+json with the platform's stable types,
 * never Spring's default error page or a stack trace.
 */
@Component
@Order(-2)
class ProblemErrorHandler implements ErrorWebExceptionHandler {

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        HttpStatusCode status = statusOf(ex);
        URI type = ProblemTypes.forStatus(status.value());
        String title = switch (status.value()) {
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 413 -> "Payload too large";
            case 415 -> "Unsupported media type";
            case 502 -> "Bad gateway";
            case 503, 504 -> "Service unavailable";
            default -> (status.is4xxClientError()) ? "Bad request" : "Internal error";
        };
        return GatewayProblems.write(exchange, status, type, title, null);
    }

    private static HttpStatusCode statusOf(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof ResponseStatusException rse) {
                return rse.getStatusCode();
            }
            if (t instanceof ConnectException) {
                return HttpStatus.SERVICE_UNAVAILABLE;
            }
            // connected, then the exchange broke off: the service may have acted on it
            if (t instanceof IOException) {
                return HttpStatus.BAD_GATEWAY;
            }
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }

}
