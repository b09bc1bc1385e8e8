package org.walletplatform.gateway.system;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpRequest;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;

/**
 * Lets the firewall answer a request whose target {@link URI} cannot parse (a '%' without
 * two hex digits after it, an unescaped '|', '{', '"' or '[') with a problem, as it
 * answers any other malformed request. Spring's Netty adapter parses the target before
 * any filter runs and answers such a request with a bare 400 and no body. A handler right
 * after Netty's HTTP codec escapes what would not parse and marks the request with
 * {@link #MARK}; it strips the mark from every other request, so no client can set it.
 */
@Component
class UnparsableTargets implements NettyServerCustomizer {

    static final String MARK = "X-Wallet-Unparsable-Target";

    private final Marker marker = new Marker();

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remoteAddress) -> {
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(NettyPipeline.HttpCodec) != null) {
                pipeline.addAfter(NettyPipeline.HttpCodec, "wallet.unparsableTargets", this.marker);
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

    /** Marks and escapes a request whose target would not parse; unmarks all others. */
    @ChannelHandler.Sharable
    static final class Marker extends ChannelInboundHandlerAdapter {

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            if (message instanceof HttpRequest request) {
                request.headers().remove(MARK);
                if (!parses(request.uri())) {
                    request.setUri(escaped(request.uri()));
                    request.headers().set(MARK, "true");
                }
            }
            context.fireChannelRead(message);
        }

    }

}
