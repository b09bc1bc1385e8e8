package org.walletplatform.gateway.system;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;

/**
 * Request heads that Spring's Netty adapter would answer with a bare status and no body
 * get a problem instead, from a handler right after Netty's HTTP codec:
 * <ul>
 * <li>a head Netty could not decode (a header past the size limit, a Content-Length that
 * is no number) is answered there, with the status Reactor Netty would give it, and the
 * connection closed; so is a request of an HTTP version other than 1.0 or 1.1 (505);</li>
 * <li>so is a chunked body that is not well-formed (400), which Reactor Netty answered
 * with a bare 400, and a body that has not arrived whole {@code body-timeout} after its
 * head (408);</li>
 * <li>a target {@link URI} cannot parse (a '%' without two hex digits after it, an
 * unescaped '|', '{', '"' or '['), which Spring refuses before any filter runs, is
 * escaped and marked with {@link #MARK} for the firewall's problem. The mark is stripped
 * from every other request, so no client can set it.</li>
 * </ul>
 */
@Component
class MalformedRequestHeads implements NettyServerCustomizer {

    static final String MARK = "X-Wallet-Unparsable-Target";

    private final long bodyTimeoutNanos;

    MalformedRequestHeads(LimitsProperties limits) {
        this.bodyTimeoutNanos = limits.bodyTimeout().toNanos();
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remoteAddress) -> {
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(NettyPipeline.HttpCodec) != null) {
                pipeline.addAfter(NettyPipeline.HttpCodec, "wallet.malformedRequestHeads",
                        new Handler(this.bodyTimeoutNanos));
            }
        });
    }

    /**
     * Whether Spring can make a URI of the target. An origin-form target of the usual
     * characters is decided by a scan; anything else as Spring decides it, by parsing it
     * after a scheme and host. Other forms (absolute, asterisk) are left to Spring.
     */
    static boolean parses(String target) {
        if (!target.startsWith("/") || plain(target)) {
            return true;
        }
        try {
            new URI("http://h" + target);
            return true;
        }
        catch (URISyntaxException ex) {
            return false;
        }
    }

    /** The target with every character that keeps it from parsing percent-escaped. */
    static String escaped(String target) {
        StringBuilder escaped = new StringBuilder(target.length() + 16);
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (usual(c) || (c == '%' && hexAt(target, i + 1) && hexAt(target, i + 2))) {
                escaped.append(c);
                continue;
            }
            for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                escaped.append('%')
                    .append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                    .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
            }
        }
        return escaped.toString();
    }

    /** Only characters legal anywhere in a path or query, and whole escapes. */
    private static boolean plain(String target) {
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c == '%') {
                if (!hexAt(target, i + 1) || !hexAt(target, i + 2)) {
                    return false;
                }
                i += 2;
            }
            else if (!usual(c)) {
                return false;
            }
        }
        return true;
    }

    /** Unreserved, sub-delimiters, ':', '@', '/' and '?' (RFC 3986). */
    private static boolean usual(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "-._~!$&'()*+,;=:@/?".indexOf(c) >= 0;
    }

    private static boolean hexAt(String text, int i) {
        return i < text.length() && Character.digit(text.charAt(i), 16) >= 0;
    }

    /**
     * One per connection: it counts the requests passed on and the responses written, so
     * it answers only when no other response is due on the connection (HTTP/1.1 answers
     * in order), and otherwise just closes it.
     */
    static final class Handler extends ChannelDuplexHandler {

        private final long bodyTimeoutNanos;

        private int passedOn;

        private int answered;

        private boolean answering;

        /** Runs out unless the body of the request passed on last arrives whole. */
        private ScheduledFuture<?> bodyTimer;

        /** Answered with a problem or closed: nothing more passes on. */
        private boolean refused;

        Handler(long bodyTimeoutNanos) {
            this.bodyTimeoutNanos = bodyTimeoutNanos;
        }

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            if (this.refused) {
                // what the decoder still passes on of a refused request, until the
                // connection closes
                ReferenceCountUtil.release(message);
                return;
            }
            if (message instanceof HttpRequest request) {
                if (request.decoderResult().isFailure()) {
                    refuse(context, message, this.passedOn, NettyProblems.undecodable(request.decoderResult().cause()));
                    return;
                }
                HttpVersion version = request.protocolVersion();
                if (version.majorVersion() != 1 || version.minorVersion() > 1) {
                    // an HTTP/2 preface too, which Reactor Netty gave a bare 400
                    refuse(context, message, this.passedOn, NettyProblems.unsupportedVersion(version));
                    return;
                }
                request.headers().remove(MARK);
                if (!parses(request.uri())) {
                    request.setUri(escaped(request.uri()));
                    request.headers().set(MARK, "true");
                }
                this.passedOn++;
                if (!(message instanceof LastHttpContent) && (HttpUtil.getContentLength(request, 0L) > 0
                        || HttpUtil.isTransferEncodingChunked(request))) {
                    int before = this.passedOn - 1;
                    this.bodyTimer = context.executor()
                        .schedule(() -> refuse(context, null, before, NettyProblems.slowBody()), this.bodyTimeoutNanos,
                                TimeUnit.NANOSECONDS);
                }
            }
            else if (message instanceof HttpContent content && content.decoderResult().isFailure()) {
                // a chunk size that is no hex number, or the like
                refuse(context, message, this.passedOn - 1, NettyProblems.brokenBody());
                return;
            }
            if (message instanceof LastHttpContent) {
                stopBodyTimer();
            }
            context.fireChannelRead(message);
        }

        @Override
        public void channelInactive(ChannelHandlerContext context) throws Exception {
            stopBodyTimer();
            super.channelInactive(context);
        }

        private void stopBodyTimer() {
            if (this.bodyTimer != null) {
                this.bodyTimer.cancel(false);
                this.bodyTimer = null;
            }
        }

        /**
         * Answers with the problem if every request before this one was answered and no
         * answer to this one has begun; otherwise closes without one.
         */
        private void refuse(ChannelHandlerContext context, Object message, int before, FullHttpResponse problem) {
            this.refused = true;
            stopBodyTimer();
            ReferenceCountUtil.release(message);
            if (!this.answering && this.answered == before) {
                context.writeAndFlush(problem).addListener(ChannelFutureListener.CLOSE);
            }
            else {
                problem.release();
                context.close();
            }
        }

        @Override
        public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) throws Exception {
            if (message instanceof HttpResponse response
                    && response.status().codeClass() != HttpStatusClass.INFORMATIONAL) {
                this.answering = true;
            }
            if (message instanceof LastHttpContent && this.answering) {
                this.answering = false;
                this.answered++;
            }
            super.write(context, message, promise);
        }

    }

}
