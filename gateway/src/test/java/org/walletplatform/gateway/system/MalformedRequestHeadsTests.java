package org.walletplatform.gateway.system;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import org.junit.jupiter.api.Test;
import org.walletplatform.model.ProblemTypes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Netty handler's verdicts on request targets against the parse Spring runs, its
 * escaping and marking, and its answers to heads and chunked bodies Netty could not
 * decode and to bodies that do not arrive in time, which never overtake an answer still
 * due.
 */
class MalformedRequestHeadsTests {

    private static final long BODY_TIMEOUT = TimeUnit.SECONDS.toNanos(20);

    private static final List<String> TARGETS = List.of("/v1/wallet/42", "/v1/wallet/me/lines/points/details?limit=5",
            "/v1/wallet/a%20b", "/v1/wallet/%E4%BD%A0", "/v1/wallet/1#fragment", "/v1/notifications:batch",
            "/v1/wallet/1?x=%%%", "/v1/wallet/%zz", "/v1/wallet/%4", "/v1/wallet/{1}", "/v1/wallet/1?x=a|b",
            "/v1/wallet/1?x=a\"b", "/v1/wallet/[1]", "/v1/wallet/a b", "/v1/wallet/\u00e9", "/v1/wallet/1?x=^`<>\\");

    /** The scan's shortcut must never pass what the parse Spring runs refuses. */
    @Test
    void decidesAsSpringsParseDoes() {
        for (String target : TARGETS) {
            assertThat(MalformedRequestHeads.parses(target)).as(target).isEqualTo(springParses(target));
        }
        SplittableRandom random = new SplittableRandom(7);
        String alphabet = "aZ09-._~!$&'()*+,;=:@/?%#|{}\"[] ^`<>\\\u00e9";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder built = new StringBuilder("/");
            for (int i = random.nextInt(12); i > 0; i--) {
                built.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String target = built.toString();
            assertThat(MalformedRequestHeads.parses(target)).as(target).isEqualTo(springParses(target));
        }
    }

    @Test
    void leavesOtherFormsToSpring() {
        assertThat(MalformedRequestHeads.parses("http://[bad/v1")).isTrue();
        assertThat(MalformedRequestHeads.parses("*")).isTrue();
    }

    @Test
    void escapesWhatKeepsATargetFromParsingAndNothingElse() {
        assertThat(MalformedRequestHeads.escaped("/v1/wallet/1?x=%%%")).isEqualTo("/v1/wallet/1?x=%25%25%25");
        assertThat(MalformedRequestHeads.escaped("/v1/wallet/{1}?x=a|b")).isEqualTo("/v1/wallet/%7B1%7D?x=a%7Cb");
        assertThat(MalformedRequestHeads.escaped("/a%20b%zz\u00e9")).isEqualTo("/a%20b%25zz%C3%A9");
        for (String target : TARGETS) {
            assertThat(springParses(MalformedRequestHeads.escaped(target))).as(target).isTrue();
        }
    }

    @Test
    void marksOnlyRequestsWhoseTargetWouldNotParse() {
        EmbeddedChannel channel = new EmbeddedChannel(new MalformedRequestHeads.Handler(BODY_TIMEOUT));
        channel.writeInbound(request("/v1/wallet/1?x=%%%", false), request("/v1/wallet/1?x=ok", true));

        HttpRequest unparsable = channel.readInbound();
        assertThat(unparsable.uri()).isEqualTo("/v1/wallet/1?x=%25%25%25");
        assertThat(unparsable.headers().get(MalformedRequestHeads.MARK)).isEqualTo("true");
        HttpRequest claimingTheMark = channel.readInbound();
        assertThat(claimingTheMark.uri()).isEqualTo("/v1/wallet/1?x=ok");
        assertThat(claimingTheMark.headers().contains(MalformedRequestHeads.MARK)).isFalse();
    }

    @Test
    void answersAHeadNettyCouldNotDecodeWithAProblemAndCloses() {
        EmbeddedChannel channel = new EmbeddedChannel(new MalformedRequestHeads.Handler(BODY_TIMEOUT));
        HttpRequest undecodable = request("/v1/wallet/1", false);
        undecodable.setDecoderResult(DecoderResult.failure(new NumberFormatException("Content-Length: abc")));
        channel.writeInbound(undecodable);

        assertThat((Object) channel.readInbound()).as("nothing passed on").isNull();
        FullHttpResponse answer = channel.readOutbound();
        assertThat(answer.status().code()).isEqualTo(400);
        assertThat(answer.headers().get("Content-Type")).isEqualTo("application/problem+json");
        assertThat(answer.headers().get("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(answer.content().toString(StandardCharsets.UTF_8))
            .contains(ProblemTypes.MALFORMED_REQUEST.toString(), "\"status\":400");
        assertThat(channel.isOpen()).isFalse();
        answer.release();
    }

    @Test
    void answersAChunkedBodyThatIsNoChunkWithAProblemAndCloses() {
        EmbeddedChannel channel = new EmbeddedChannel(new MalformedRequestHeads.Handler(BODY_TIMEOUT));
        channel.writeInbound(request("/v1/notifications", false), brokenChunk());

        assertThat((Object) channel.readInbound()).as("the head went on").isInstanceOf(HttpRequest.class);
        assertThat((Object) channel.readInbound()).as("the broken chunk did not").isNull();
        FullHttpResponse answer = channel.readOutbound();
        assertThat(answer.status().code()).isEqualTo(400);
        assertThat(answer.headers().get("Content-Type")).isEqualTo("application/problem+json");
        assertThat(answer.content().toString(StandardCharsets.UTF_8)).contains("chunked");
        assertThat(channel.isOpen()).isFalse();
        answer.release();
    }

    /** HTTP/1.1 answers in order: no problem may overtake an answer still due. */
    @Test
    void closesWithoutAProblemWhileAnotherAnswerIsDue() {
        EmbeddedChannel answering = new EmbeddedChannel(new MalformedRequestHeads.Handler(BODY_TIMEOUT));
        answering.writeInbound(request("/v1/notifications", false));
        answering.writeOutbound(new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));
        answering.writeInbound(brokenChunk());

        assertThat(((HttpResponse) answering.readOutbound()).status().code()).isEqualTo(200);
        assertThat((Object) answering.readOutbound()).as("no problem inside the answer").isNull();
        assertThat(answering.isOpen()).isFalse();

        EmbeddedChannel pipelined = new EmbeddedChannel(new MalformedRequestHeads.Handler(BODY_TIMEOUT));
        HttpRequest undecodable = request("/v1/wallet/2", false);
        undecodable.setDecoderResult(DecoderResult.failure(new NumberFormatException("Content-Length: abc")));
        pipelined.writeInbound(request("/v1/wallet/1", false), undecodable);

        assertThat((Object) pipelined.readOutbound()).as("the first request is still to be answered").isNull();
        assertThat(pipelined.isOpen()).isFalse();
    }

    @Test
    void answersAnUndecodableHeadOnceTheAnswersBeforeItAreWritten() {
        EmbeddedChannel channel = new EmbeddedChannel(new MalformedRequestHeads.Handler(BODY_TIMEOUT));
        channel.writeInbound(request("/v1/wallet/1", false));
        channel.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE),
                new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));
        HttpRequest undecodable = request("/v1/wallet/2", false);
        undecodable.setDecoderResult(DecoderResult.failure(new NumberFormatException("Content-Length: abc")));
        channel.writeInbound(undecodable);

        assertThat(((HttpResponse) channel.readOutbound()).status().code()).isEqualTo(100);
        assertThat(((HttpResponse) channel.readOutbound()).status().code()).isEqualTo(200);
        FullHttpResponse answer = channel.readOutbound();
        assertThat(answer.status().code()).isEqualTo(400);
        answer.release();
    }

    /** Reactor Netty answered an HTTP/2 preface with a bare 400, and took HTTP/9.9. */
    @Test
    void answersAVersionOtherThanHttp1With505AndPassesNothingOfItOn() {
        for (String version : List.of("HTTP/2.0", "HTTP/9.9", "HTTP/1.2")) {
            EmbeddedChannel channel = new EmbeddedChannel(new MalformedRequestHeads.Handler(BODY_TIMEOUT));
            channel.writeInbound(new DefaultHttpRequest(HttpVersion.valueOf(version), HttpMethod.GET, "*"),
                    new DefaultLastHttpContent(Unpooled.copiedBuffer("SM\r\n\r\n", StandardCharsets.UTF_8)));

            assertThat((Object) channel.readInbound()).as(version).isNull();
            FullHttpResponse answer = channel.readOutbound();
            assertThat(answer.status().code()).as(version).isEqualTo(505);
            assertThat(answer.content().toString(StandardCharsets.UTF_8)).contains(version);
            assertThat(channel.isOpen()).isFalse();
            answer.release();
        }
        EmbeddedChannel http10 = new EmbeddedChannel(new MalformedRequestHeads.Handler(BODY_TIMEOUT));
        http10.writeInbound(new DefaultHttpRequest(HttpVersion.HTTP_1_0, HttpMethod.GET, "/v1/wallet/1"));
        assertThat((Object) http10.readInbound()).isInstanceOf(HttpRequest.class);
    }

    @Test
    void answersABodyThatDoesNotArriveInTimeWith408AndCloses() {
        EmbeddedChannel channel = new EmbeddedChannel(new MalformedRequestHeads.Handler(BODY_TIMEOUT));
        channel.writeInbound(post(10), new DefaultHttpContent(Unpooled.copiedBuffer("{\"", StandardCharsets.UTF_8)));
        after(channel, 19);
        assertThat((Object) channel.readOutbound()).as("within the timeout").isNull();

        after(channel, 2);
        FullHttpResponse answer = channel.readOutbound();
        assertThat(answer.status().code()).isEqualTo(408);
        assertThat(answer.headers().get("Content-Type")).isEqualTo("application/problem+json");
        assertThat(channel.isOpen()).isFalse();
        answer.release();
    }

    @Test
    void letsABodyThatArrivedWholeBeAnsweredWhenever() {
        EmbeddedChannel channel = new EmbeddedChannel(new MalformedRequestHeads.Handler(BODY_TIMEOUT));
        channel.writeInbound(post(2), new DefaultLastHttpContent(Unpooled.copiedBuffer("{}", StandardCharsets.UTF_8)));
        after(channel, 60);

        assertThat((Object) channel.readOutbound()).isNull();
        assertThat(channel.isOpen()).isTrue();
    }

    /** A slow body after the gateway answered its head (a 401, say) just closes. */
    @Test
    void closesWithoutAProblemWhenTheSlowBodysRequestWasAnswered() {
        EmbeddedChannel channel = new EmbeddedChannel(new MalformedRequestHeads.Handler(BODY_TIMEOUT));
        channel.writeInbound(post(10));
        channel.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.UNAUTHORIZED));
        after(channel, 21);

        assertThat(((HttpResponse) channel.readOutbound()).status().code()).isEqualTo(401);
        assertThat((Object) channel.readOutbound()).isNull();
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void givesTheStatusReactorNettyWouldForAnOverlongHead() {
        assertThat(NettyProblems.undecodable(new TooLongHttpHeaderException("big")).status().code()).isEqualTo(431);
        assertThat(NettyProblems.undecodable(new TooLongHttpLineException("long")).status().code()).isEqualTo(414);
    }

    /** What Netty's decoder passes on for a chunk size that is no hex number. */
    private static LastHttpContent brokenChunk() {
        LastHttpContent broken = new DefaultLastHttpContent();
        broken.setDecoderResult(DecoderResult.failure(new NumberFormatException("{\"userId\":1}")));
        return broken;
    }

    private static HttpRequest request(String target, boolean marked) {
        HttpRequest request = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, target);
        if (marked) {
            request.headers().set(MalformedRequestHeads.MARK, "true");
        }
        return request;
    }

    /** Moves the channel's clock on and runs what fell due. */
    private static void after(EmbeddedChannel channel, long seconds) {
        channel.advanceTimeBy(seconds, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
    }

    private static HttpRequest post(int contentLength) {
        HttpRequest request = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/v1/notifications");
        request.headers().setInt("Content-Length", contentLength);
        return request;
    }

    private static boolean springParses(String target) {
        try {
            new URI("http://127.0.0.1:8080" + target);
            return true;
        }
        catch (URISyntaxException ex) {
            return false;
        }
    }

}
