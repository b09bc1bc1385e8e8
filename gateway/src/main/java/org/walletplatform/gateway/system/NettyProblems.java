package org.walletplatform.gateway.system;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import org.walletplatform.model.ProblemTypes;

/**
 * The problems {@link MalformedRequestHeads}' handler writes straight to a connection,
 * before Spring sees the request; each closes the connection after it.
 */
final class NettyProblems {

    private NettyProblems() {
    }

    /**
     * The answer to a head Netty could not decode: a problem, then the connection closes.
     */
    static FullHttpResponse undecodable(Throwable cause) {
        HttpResponseStatus status;
        String body;
        if (cause instanceof TooLongHttpHeaderException) {
            status = HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
            body = GatewayProblems.body(ProblemTypes.MALFORMED_REQUEST, "Request header fields too large",
                    status.code(), "The request's header fields are over the size this gateway accepts.", null);
        }
        else if (cause instanceof TooLongHttpLineException) {
            status = HttpResponseStatus.REQUEST_URI_TOO_LONG;
            body = GatewayProblems.body(ProblemTypes.URI_TOO_LONG, "URI too long", status.code(),
                    "The request line is over the length this gateway accepts.", null);
        }
        else {
            status = HttpResponseStatus.BAD_REQUEST;
            body = GatewayProblems.body(ProblemTypes.MALFORMED_REQUEST, "Bad request", status.code(),
                    "The request is not well-formed HTTP (a Content-Length that is no number, a broken header line"
                            + " or the like).",
                    null);
        }
        return problem(status, body);
    }

    /** A problem with the gateway's security headers; the connection closes after it. */
    static FullHttpResponse problem(HttpResponseStatus status, String body) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
        SecurityHeadersFilter.HEADERS.forEach(response.headers()::set);
        response.headers()
            .set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
            .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes())
            .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        return response;
    }

    /** The answer to a chunked body that is not well-formed: a 400 problem. */
    static FullHttpResponse brokenBody() {
        return problem(HttpResponseStatus.BAD_REQUEST,
                GatewayProblems.body(ProblemTypes.MALFORMED_REQUEST, "Bad request", 400,
                        "The request body is not well-formed chunked transfer coding (a chunk size that is no hex"
                                + " number, or the like).",
                        null));
    }

    /** The answer to a body that did not arrive in time: a 408 problem. */
    static FullHttpResponse slowBody() {
        return problem(HttpResponseStatus.REQUEST_TIMEOUT,
                GatewayProblems.body(ProblemTypes.MALFORMED_REQUEST, "Request timeout", 408,
                        "The request body did not arrive whole in the time this gateway allows.", null));
    }

    /**
     * The answer to a request of an HTTP version other than 1.0 and 1.1: a 505 problem.
     */
    static FullHttpResponse unsupportedVersion(HttpVersion version) {
        return problem(HttpResponseStatus.HTTP_VERSION_NOT_SUPPORTED,
                GatewayProblems.body(ProblemTypes.MALFORMED_REQUEST, "HTTP version not supported", 505,
                        "This gateway speaks HTTP/1.1 (and 1.0), not " + version.text() + ".", null));
    }

}
