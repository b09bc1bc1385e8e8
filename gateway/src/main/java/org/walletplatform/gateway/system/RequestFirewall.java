package org.walletplatform.gateway.system;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.walletplatform.model.ProblemTypes;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses suspicious requests with a 400 problem before anything else runs: the rules of
 * Spring Security's {@code StrictServerWebExchangeFirewall}, checked once per request by
 * character scans. That firewall wraps the exchange and validates every header and query
 * parameter with a regular expression on each access, which cost about an eighth of the
 * gateway's CPU per proxied request (BENCHMARKS.md, "Gateway overhead").
 * <ul>
 * <li>methods other than GET, HEAD, POST, PUT, PATCH, DELETE and OPTIONS;</li>
 * <li>paths with anything but printable ASCII, a semicolon, a backslash, an empty segment
 * ({@code //}), a {@code .} or {@code ..} segment, or an encoded percent, period, slash,
 * semicolon, backslash, NUL, CR or LF; once decoded, a control character or a line or
 * paragraph separator;</li>
 * <li>header names with control or unassigned characters, and header values with them (a
 * tab excepted);</li>
 * <li>query parameter names with control or unassigned characters;</li>
 * <li>targets that are no URI ({@link MalformedRequestHeads}).</li>
 * </ul>
 * An {@code Expect} other than {@code 100-continue} is a 417 problem (the services'
 * Tomcat answered it with an HTML page).
 */
@Component
public class RequestFirewall implements EdgeFilter {

    private static final Set<HttpMethod> METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST,
            HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.OPTIONS);

    /**
     * Encoded forms a path may not hold, lower case: percent, period, slash, ; \ NUL CR
     * LF.
     */
    private static final List<String> ENCODED = List.of("%25", "%2e", "%2f", "%3b", "%5c", "%00", "%0d", "%0a");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getHeaders().containsHeader(MalformedRequestHeads.MARK)) {
            return GatewayProblems.write(exchange, HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST,
                    "Bad request", "The request target is not a valid URI: escape a '%' that starts no escape as"
                            + " %25, and characters such as | { } \" [ ] as %XX.");
        }
        if (!expectationMet(exchange.getRequest())) {
            return GatewayProblems.write(exchange, HttpStatus.EXPECTATION_FAILED, ProblemTypes.EXPECTATION_FAILED,
                    "Expectation failed", "The only expectation the gateway meets is Expect: 100-continue.");
        }
        return allows(exchange.getRequest()) ? chain.filter(exchange) : GatewayProblems.write(exchange,
                HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST, "Bad request",
                "The request is not allowed (method, encoded slash, NUL, '..', control characters or the like).");
    }

    static boolean allows(ServerHttpRequest request) {
        return METHODS.contains(request.getMethod()) && pathAllowed(request.getURI().getRawPath())
                && headersAllowed(request) && (request.getURI().getRawQuery() == null || queryNamesAllowed(request));
    }

    static boolean expectationMet(ServerHttpRequest request) {
        String expect = request.getHeaders().getFirst(HttpHeaders.EXPECT);
        return expect == null || "100-continue".equalsIgnoreCase(expect.strip());
    }

    static boolean pathAllowed(String raw) {
        if (raw == null) {
            return true;
        }
        boolean encoded = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < 0x20 || c > 0x7e || c == ';' || c == '\\' || (c == '/' && i > 0 && raw.charAt(i - 1) == '/')) {
                return false;
            }
            encoded |= c == '%';
        }
        if (!normalized(raw)) {
            return false;
        }
        if (!encoded) {
            return true;
        }
        String lower = raw.toLowerCase(Locale.ROOT);
        for (String forbidden : ENCODED) {
            if (lower.contains(forbidden)) {
                return false;
            }
        }
        String decoded;
        try {
            // '+' is a plus in a path, not a space
            decoded = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException ex) {
            return false;
        }
        return normalized(decoded) && decoded.chars()
            .noneMatch((c) -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\uFFFD'
                    || !Character.isDefined(c));
    }

    /** No {@code .} or {@code ..} segment (the firewall's definition). */
    private static boolean normalized(String path) {
        for (int i = path.length(); i > 0;) {
            int slash = path.lastIndexOf('/', i - 1);
            int gap = i - slash;
            if (gap == 2 && path.charAt(slash + 1) == '.') {
                return false;
            }
            if (gap == 3 && path.charAt(slash + 1) == '.' && path.charAt(slash + 2) == '.') {
                return false;
            }
            i = slash;
        }
        return true;
    }

    private static boolean headersAllowed(ServerHttpRequest request) {
        if (nativeOf(request) instanceof HttpServerRequest netty) {
            // Netty's own headers read in place (Spring's view builds a set per call)
            Iterator<Map.Entry<CharSequence, CharSequence>> headers = netty.requestHeaders().iteratorCharSequence();
            while (headers.hasNext()) {
                Map.Entry<CharSequence, CharSequence> header = headers.next();
                if (!textAllowed(header.getKey(), false) || !textAllowed(header.getValue(), true)) {
                    return false;
                }
            }
            return true;
        }
        for (Map.Entry<String, List<String>> header : request.getHeaders().headerSet()) {
            if (!textAllowed(header.getKey(), false)) {
                return false;
            }
            for (String value : header.getValue()) {
                if (!textAllowed(value, true)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static Object nativeOf(ServerHttpRequest request) {
        try {
            return ServerHttpRequestDecorator.getNativeRequest(request);
        }
        catch (IllegalStateException ex) {
            // a mock request (tests) has none
            return null;
        }
    }

    private static boolean queryNamesAllowed(ServerHttpRequest request) {
        for (String name : request.getQueryParams().keySet()) {
            if (!textAllowed(name, false)) {
                return false;
            }
        }
        return true;
    }

    /**
     * No control character (but a tab, where allowed) and nothing Unicode leaves
     * unassigned.
     */
    static boolean textAllowed(CharSequence text, boolean tabAllowed) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                continue;
            }
            if ((c == '\t' && tabAllowed) || (!Character.isISOControl(c) && Character.isDefined(c))) {
                continue;
            }
            return false;
        }
        return true;
    }

    @Override
    public int getOrder() {
        // after the security headers are promised (its refusals carry them too), before
        // anything else reads the request
        return Ordered.HIGHEST_PRECEDENCE + 5;
    }

}
