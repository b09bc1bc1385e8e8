package org.walletplatform.write.notification;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.walletplatform.model.signing.RequestSignature;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only a business line's own signature gets a push onto the queue: every way of getting
 * the signature wrong is refused with its own problem type, and nothing of a refused
 * request is enqueued. Real Redis holds the nonces.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "wallet.signed-lines.line-secrets.coins=old-coins-secret,dev-secret-coins")
class SignedPushIT extends IntakeHttpIT {

    private static final String BODY = "{\"userId\":77,\"businessLine\":\"cash\",\"version\":3}";

    @Test
    void shouldAcceptAPushSignedByTheLineItself() throws Exception {
        long before = enqueued();
        assertThat(send(SignedRequests.signed(uri(), "cash", "dev-secret-cash", BODY)).statusCode()).isEqualTo(202);
        assertThat(enqueued()).isEqualTo(before + 1);
    }

    @Test
    void shouldAcceptEitherActiveSecretDuringARotation() throws Exception {
        String body = "{\"userId\":78,\"businessLine\":\"coins\"}";
        assertThat(send(SignedRequests.signed(uri(), "coins", "old-coins-secret", body)).statusCode()).isEqualTo(202);
        assertThat(send(SignedRequests.signed(uri(), "coins", "dev-secret-coins", body)).statusCode()).isEqualTo(202);
        assertThat(send(SignedRequests.signed(uri(), "coins", "retired-secret", body)).statusCode()).isEqualTo(401);
    }

    @Test
    void shouldRefuseAReusedNonce() throws Exception {
        long now = Instant.now().getEpochSecond();
        String nonce = SignedRequests.nonce();
        HttpResponse<String> first = send(
                SignedRequests.builder(uri(), "cash", "dev-secret-cash", BODY, now, nonce, BODY).build());
        long before = enqueued();
        HttpResponse<String> again = send(
                SignedRequests.builder(uri(), "cash", "dev-secret-cash", BODY, now, nonce, BODY).build());

        assertThat(first.statusCode()).isEqualTo(202);
        assertProblem(again, 401, "request-replayed");
        assertThat(enqueued()).isEqualTo(before);
    }

    static Stream<Arguments> badSignatures() {
        long now = Instant.now().getEpochSecond();
        String other = "{\"userId\":77,\"businessLine\":\"cash\",\"version\":4}";
        return Stream.of(
                Arguments.of("wrong secret", sign("cash", "not-the-secret", BODY, now, BODY), 401, "unauthenticated"),
                Arguments.of("body altered", sign("cash", "dev-secret-cash", BODY, now, other), 401, "unauthenticated"),
                Arguments.of("signed 6 minutes ago", sign("cash", "dev-secret-cash", BODY, now - 360, BODY), 401,
                        "request-expired"),
                Arguments.of("signed 6 minutes ahead", sign("cash", "dev-secret-cash", BODY, now + 360, BODY), 401,
                        "request-expired"),
                Arguments.of("unknown line", sign("nope", "dev-secret-nope", BODY, now, BODY), 401, "unauthenticated"),
                Arguments.of("signed as another line", sign("coins", "dev-secret-coins", BODY, now, BODY), 403,
                        "line-forbidden"),
                Arguments.of("bad nonce",
                        HttpRequest.newBuilder(uri(0))
                            .header("Content-Type", "application/json")
                            .header(RequestSignature.LINE, "cash")
                            .header(RequestSignature.TIMESTAMP, Long.toString(now))
                            .header(RequestSignature.NONCE, "short")
                            .header(RequestSignature.SIGNATURE, "v1=00")
                            .POST(HttpRequest.BodyPublishers.ofString(BODY)),
                        401, "unauthenticated"),
                Arguments.of("no headers",
                        HttpRequest.newBuilder(uri(0))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(BODY)),
                        401, "unauthenticated"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSignatures")
    void shouldRefuseABadlySignedPushAndEnqueueNothing(String why, HttpRequest.Builder request, int status, String type)
            throws Exception {
        long before = enqueued();
        HttpResponse<String> response = send(request.uri(uri()).build());

        assertProblem(response, status, type);
        assertThat(enqueued()).as("nothing enqueued").isEqualTo(before);
    }

    @Test
    void shouldRefuseABodyOverTheLimit() throws Exception {
        String huge = "{\"userId\":1,\"businessLine\":\"cash\",\"pad\":\"" + "x".repeat(1_100_000) + "\"}";
        long before = enqueued();
        assertProblem(send(SignedRequests.signed(uri(), "cash", "dev-secret-cash", huge)), 413, "payload-too-large");
        assertThat(enqueued()).isEqualTo(before);
    }

    /**
     * A body that ends before its declared length (here the client closes its side): the
     * container refuses it itself, and the answer was its HTML page.
     */
    @Test
    void shouldAnswerABodyThatEndsEarlyWithAProblem() throws Exception {
        long before = enqueued();
        StringBuilder head = new StringBuilder("POST /v1/notifications HTTP/1.1\r\nHost: x\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + (BODY.length() + 20) + "\r\n");
        SignedRequests.signed(uri(), "cash", "dev-secret-cash", BODY).headers().map().forEach((name, values) -> {
            if (name.regionMatches(true, 0, "X-Wallet-", 0, 9)) {
                head.append(name).append(": ").append(values.get(0)).append("\r\n");
            }
        });
        String answer;
        try (Socket socket = new Socket("127.0.0.1", this.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((head + "\r\n" + BODY).getBytes(StandardCharsets.UTF_8));
            socket.shutdownOutput();
            answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(answer).startsWith("HTTP/1.1 400")
            .containsIgnoringCase("Content-Type: application/problem+json")
            .contains("/problems/malformed-request", "\"instance\":\"/v1/notifications\"");
        assertThat(enqueued()).isEqualTo(before);
    }

    private static HttpRequest.Builder sign(String line, String secret, String signedBody, long timestamp,
            String sentBody) {
        return SignedRequests.builder(uri(0), line, secret, signedBody, timestamp, SignedRequests.nonce(), sentBody);
    }

    private void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(this.json.readTree(response.body()).get("type").asString())
            .isEqualTo("https://walletplatform.org/problems/" + type);
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return this.http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri() {
        return URI.create("http://127.0.0.1:" + this.port + "/v1/notifications");
    }

    /**
     * A placeholder host for requests built before the port is known; {@link #uri()}
     * replaces it.
     */
    private static URI uri(int unused) {
        return URI.create("http://127.0.0.1:1/v1/notifications");
    }

    private long enqueued() {
        return this.topic.endOffsetSum();
    }

}
