package org.walletplatform.gateway.system;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes the problems the gateway answers by itself (401, 403, 404, 413, 429, 503) as
 * problem+json, the same shape the services use.
 */
public final class GatewayProblems {

    private GatewayProblems() {
    }

    public static Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, URI type, String title,
            String detail) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        String path = exchange.getRequest().getPath().value();
        // the asterisk form (OPTIONS *) has no path
        String body = body(type, title, status.value(), detail, path.isEmpty() ? null : path);
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8))));
    }

    /** The problem as JSON; without detail or instance when they are null. */
    static String body(URI type, String title, int status, String detail, String instance) {
        return "{\"type\":\"" + type + "\",\"title\":" + quoted(title) + ",\"status\":" + status
                + ((detail != null) ? ",\"detail\":" + quoted(detail) : "")
                + ((instance != null) ? ",\"instance\":" + quoted(instance) : "") + "}";
    }

    /** A JSON string literal: quotes, backslashes and control characters escaped. */
    static String quoted(String text) {
        StringBuilder json = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            }
            else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            }
            else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

}
