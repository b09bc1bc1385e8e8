package org.walletplatform.gateway.routing;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.walletplatform.model.caller.CallerAssertion;
import reactor.netty.http.server.HttpServerRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.AbstractServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Which headers pass the gateway, each way, in one copy. It does what Spring Cloud
 * Gateway's default header filters do (they are removed:
 * {@link ProxiedHeadersConfiguration}), each of which copied every header once more on
 * every request: about a sixth of the gateway's profile samples, and about 5 % less CPU
 * per proxied request without them (BENCHMARKS.md, "Gateway overhead").
 * <ul>
 * <li>To a service: no hop-by-hop header (those of RFC 9110 7.6.1, the ones
 * {@code Connection} names, and Spring Cloud Gateway's {@code X-Application-Context}), no
 * {@code Forwarded} or {@code X-Forwarded-*} (no proxy in front of the gateway is
 * trusted), no caller headers sent from outside (only the gateway asserts callers) and no
 * bearer token (it stays at the edge); no {@code Content-Length} beside a chunked
 * {@code Transfer-Encoding} (RFC 9112 6.3, request smuggling).</li>
 * <li>To the client: no hop-by-hop header.</li>
 * </ul>
 * Not carried over: the default filters' gRPC handling, since no route carries gRPC.
 */
final class ProxiedHeaders {

    private static final List<String> HOP_BY_HOP = List.of("connection", "keep-alive", "transfer-encoding", "te",
            "trailer", "proxy-authorization", "proxy-authenticate", "x-application-context", "upgrade");

    private static final List<String> NOT_TO_SERVICES = List.of("forwarded", HttpHeaders.AUTHORIZATION,
            CallerAssertion.HEADER, CallerAssertion.SIGNATURE);

    private static final String X_FORWARDED = "x-forwarded-";

    /** Spring's request over Reactor Netty as it arrived (the class is not public). */
    static final String AS_ARRIVED = "org.springframework.http.server.reactive.ReactorServerHttpRequest";

    private ProxiedHeaders() {
    }

    /**
     * The headers of {@code request} a service gets. {@code input} is what the filters
     * before passed on; a request's own headers, as they arrived, are read in place from
     * Netty.
     */
    static HttpHeaders toService(HttpHeaders input, ServerHttpRequest request) {
        HttpHeaders out = new HttpHeaders();
        // only a request as it arrived: one a filter changed is another kind,
        // whose native request still holds the headers as they arrived
        if (input == request.getHeaders() && request.getClass().getName().equals(AS_ARRIVED)
                && ((AbstractServerHttpRequest) request).getNativeRequest() instanceof HttpServerRequest netty) {
            io.netty.handler.codec.http.HttpHeaders headers = netty.requestHeaders();
            Rule rule = new Rule(tokens(headers.getAll(HttpHeaders.CONNECTION)),
                    chunked(headers.get(HttpHeaders.TRANSFER_ENCODING)));
            for (Iterator<Map.Entry<String, String>> it = headers.iteratorAsString(); it.hasNext();) {
                Map.Entry<String, String> header = it.next();
                if (rule.toService(header.getKey())) {
                    out.add(header.getKey(), header.getValue());
                }
            }
            return out;
        }
        Rule rule = new Rule(tokens(input.getOrEmpty(HttpHeaders.CONNECTION)),
                chunked(input.getFirst(HttpHeaders.TRANSFER_ENCODING)));
        for (Map.Entry<String, List<String>> header : input.headerSet()) {
            if (rule.toService(header.getKey())) {
                out.addAll(header.getKey(), header.getValue());
            }
        }
        return out;
    }

    /**
     * The headers of a service's answer the client gets: {@code input} itself when it
     * holds no hop-by-hop header, as nearly every answer.
     */
    static HttpHeaders toClient(HttpHeaders input) {
        List<String> named = tokens(input.getOrEmpty(HttpHeaders.CONNECTION));
        if (!containsAny(input, HOP_BY_HOP) && !containsAny(input, named)) {
            return input;
        }
        HttpHeaders out = new HttpHeaders();
        out.addAll(input);
        HOP_BY_HOP.forEach(out::remove);
        named.forEach(out::remove);
        return out;
    }

    private static boolean containsAny(HttpHeaders headers, List<String> names) {
        for (String name : names) {
            if (headers.containsHeader(name)) {
                return true;
            }
        }
        return false;
    }

    /** The comma-separated tokens of {@code Connection} values, lower case. */
    private static List<String> tokens(List<String> values) {
        if (values.isEmpty()) {
            return List.of();
        }
        List<String> tokens = new ArrayList<>();
        for (String value : values) {
            for (String token : value.split(",")) {
                if (!token.isBlank()) {
                    tokens.add(token.trim().toLowerCase(Locale.ROOT));
                }
            }
        }
        return tokens;
    }

    private static boolean chunked(String transferEncoding) {
        return transferEncoding != null && "chunked".equalsIgnoreCase(transferEncoding.trim());
    }

    /**
     * A request's rule: names compared ignoring case without lower-casing each one (a
     * length check first, so a comparison is nearly free).
     */
    private record Rule(List<String> connectionNamed, boolean chunked) {

        boolean toService(String name) {
            return !(anyEquals(HOP_BY_HOP, name) || anyEquals(NOT_TO_SERVICES, name)
                    || name.regionMatches(true, 0, X_FORWARDED, 0, X_FORWARDED.length())
                    || anyEquals(this.connectionNamed, name)
                    || (this.chunked && name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)));
        }

        private static boolean anyEquals(List<String> names, String name) {
            for (String candidate : names) {
                if (candidate.equalsIgnoreCase(name)) {
                    return true;
                }
            }
            return false;
        }

    }

}
