package org.walletplatform.support.linesigning;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.walletplatform.model.ProblemTypes;
import org.walletplatform.model.TextShapes;
import org.walletplatform.model.signing.RequestSignature;
import org.walletplatform.support.problem.Problems;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a push through only if a known business line signed it (see
 * {@link RequestSignature}): headers present, timestamp within the window, signature made
 * with one of the line's active secrets over this exact method, path and body, and a
 * nonce never seen before. The nonce is recorded in Redis only after the signature checks
 * out, so nobody without the secret can burn a line's nonces. The caller's line is handed
 * on as the request attribute {@link RequestSignature#CALLER_LINE_ATTRIBUTE}. On a route
 * whose handler claims the nonce with its own write, the nonce is handed on instead
 * ({@link DeferredNonce}), and claimed here after the handler only if it did not.
 */
class SignedLineFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SignedLineFilter.class);

    private final SignedLinesProperties lines;

    private final RequestNonces nonces;

    private final JsonMapper json;

    private final Clock clock;

    /**
     * Each line's secrets, keyed once: keying an HMAC per request cost as much as the
     * rest.
     */
    private final Map<String, List<RequestSignature.Key>> keys;

    SignedLineFilter(SignedLinesProperties lines, RequestNonces nonces, JsonMapper json, Clock clock) {
        this.lines = lines;
        this.keys = lines.lineSecrets()
            .entrySet()
            .stream()
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                    (entry) -> entry.getValue().stream().map(RequestSignature::key).toList()));
        this.nonces = nonces;
        this.json = json;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !this.lines.covers(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String line = request.getHeader(RequestSignature.LINE);
        String timestamp = request.getHeader(RequestSignature.TIMESTAMP);
        String nonce = request.getHeader(RequestSignature.NONCE);
        List<RequestSignature.Key> keys = (line != null) ? this.keys.getOrDefault(line, List.of()) : List.of();
        if (keys.isEmpty() || timestamp == null || !TextShapes.isDigits(timestamp, 12)
                || !RequestSignature.isWellFormedNonce(nonce)
                || request.getHeader(RequestSignature.SIGNATURE) == null) {
            refuse(request, response, HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHENTICATED, "Unauthenticated",
                    "Sign the request as a known business line: " + RequestSignature.LINE + ", "
                            + RequestSignature.TIMESTAMP + ", " + RequestSignature.NONCE + " and "
                            + RequestSignature.SIGNATURE + " headers.");
            return;
        }
        long age = this.clock.instant().getEpochSecond() - Long.parseLong(timestamp);
        if (Math.abs(age) > RequestSignature.MAX_AGE.toSeconds()) {
            refuse(request, response, HttpStatus.UNAUTHORIZED, ProblemTypes.REQUEST_EXPIRED, "Request expired",
                    "The request was signed " + age + " s from now; at most " + RequestSignature.MAX_AGE.toSeconds()
                            + " s either way is accepted.");
            return;
        }
        byte[] body;
        try {
            body = readBody(request);
        }
        catch (IOException ex) {
            // the body ended early or stalled: Tomcat has answered 400 (408) itself and
            // its error page writes the problem; thrown on, the exception would send
            // Tomcat to its own HTML page instead
            return;
        }
        if (body == null) {
            refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE, "Payload too large",
                    "The body exceeds " + this.lines.maxBody().toKilobytes() + " KB.");
            return;
        }
        if (!signedByOneOf(keys, request, Long.parseLong(timestamp), nonce, body)) {
            refuse(request, response, HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHENTICATED, "Unauthenticated",
                    "The signature does not match this request for business line '" + line + "'.");
            return;
        }
        request.setAttribute(RequestSignature.CALLER_LINE_ATTRIBUTE, line);
        String nonceKey = RequestNonces.keyOf(line, nonce);
        if (this.lines.defersNonce(request.getMethod(), request.getRequestURI())) {
            DeferredNonce deferred = new DeferredNonce(nonceKey);
            request.setAttribute(DeferredNonce.ATTRIBUTE, deferred);
            try {
                chain.doFilter(new CachedBodyRequest(request, body), response);
            }
            finally {
                if (!deferred.decided()) {
                    claimAfterwards(nonceKey);
                }
            }
            return;
        }
        boolean first;
        try {
            first = this.nonces.firstUse(nonceKey);
        }
        catch (TransientDataAccessException | DataAccessResourceFailureException ex) {
            // the nonce cannot be checked now: the line retries, signed anew
            response.setHeader(HttpHeaders.RETRY_AFTER, Problems.STORE_RETRY_AFTER_SECONDS);
            ProblemDetail problem = Problems
                .storeUnavailable("The request's nonce could not be checked now; sign it anew and retry.");
            problem.setInstance(URI.create(request.getRequestURI()));
            Problems.write(response, this.json, problem);
            return;
        }
        if (!first) {
            refuse(request, response, HttpStatus.UNAUTHORIZED, ProblemTypes.REQUEST_REPLAYED,
                    RequestNonces.REPLAYED_TITLE, RequestNonces.REPLAYED_DETAIL);
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    /**
     * A request the handler refused before claiming its nonce: it is claimed now, so the
     * same signed request cannot be sent again later, when it might be taken.
     */
    private void claimAfterwards(String nonceKey) {
        try {
            this.nonces.firstUse(nonceKey);
        }
        catch (RuntimeException ex) {
            log.debug("The nonce of a refused request was not recorded: {}", ex.toString());
        }
    }

    private boolean signedByOneOf(List<RequestSignature.Key> keys, HttpServletRequest request, long timestamp,
            String nonce, byte[] body) {
        String presented = request.getHeader(RequestSignature.SIGNATURE);
        boolean matched = false;
        for (RequestSignature.Key key : keys) {
            String expected = key.sign(request.getMethod(), request.getRequestURI(), timestamp, nonce, body);
            matched |= RequestSignature.matches(presented, expected);
        }
        return matched;
    }

    /** The body, or null if it is larger than allowed. */
    private byte[] readBody(HttpServletRequest request) throws IOException {
        int max = (int) this.lines.maxBody().toBytes();
        long declared = request.getContentLengthLong();
        if (declared > max) {
            return null;
        }
        try (InputStream in = request.getInputStream()) {
            // only the declared length (the container stops there): reading up to the
            // limit allocated 16 KB per request, a fifth of an issuance's garbage
            byte[] body = in.readNBytes((declared >= 0) ? (int) declared : max + 1);
            return (body.length > max) ? null : body;
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, URI type,
            String title, String detail) throws IOException {
        Problems.refuse(request, response, this.json, status, type, title, detail);
    }

}
