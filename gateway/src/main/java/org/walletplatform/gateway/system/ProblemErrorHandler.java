package org.walletplatform.gateway.system;

import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.walletplatform.model.ProblemTypes;
import reactor.core.publisher.Mono;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers every error the gateway itself produces (no route, service down, timeouts) as
 * problem+json with the platform's stable types, never Spring's default error page or a
 * stack trace.
 */
@Component
@Order(-2)
class ProblemErrorHandler implements ErrorWebExceptionHandler {

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        HttpStatusCode status = statusOf(ex);
        URI type = switch (status.value()) {
            case 404 -> ProblemTypes.NOT_FOUND;
            case 405 -> ProblemTypes.METHOD_NOT_ALLOWED;
            case 503, 504 -> ProblemTypes.SERVICE_UNAVAILABLE;
            default -> (status.is4xxClientError()) ? ProblemTypes.MALFORMED_REQUEST : ProblemTypes.INTERNAL;
        };
        String title = switch (status.value()) {
            case 404 -> "Not found";
            case 503, 504 -> "Service unavailable";
            default -> (status.is4xxClientError()) ? "Bad request" : "Internal error";
        };
        String body = "{\"type\":\"" + type + "\",\"title\":\"" + title + "\",\"status\":" + status.value()
                + ",\"instance\":\"" + exchange.getRequest().getPath().value().replace("\"", "%22") + "\"}";
        var response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(ex);
        }
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8))));
    }

    private static HttpStatusCode statusOf(Throwable ex) {
        if (ex instanceof ResponseStatusException rse) {
            return rse.getStatusCode();
        }
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return HttpStatus.SERVICE_UNAVAILABLE;
            }
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }

}
