package org.walletplatform.gateway;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway against a stub of every service and the real Redis. Its subclasses share
 * one application context (the same configuration, so Spring's test context cache hands
 * each the same one) and one stub, which lives as long as the test JVM, as the context
 * does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(HeaderChangingFilter.class)
abstract class GatewayIT {

    static final Tokens TOKENS = new Tokens();

    static final StubService SERVICE = new StubService();

    /** Fresh subjects per run, so the shared Redis holds no counts of theirs yet. */
    static final long RUN = ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000) * 1000;

    @LocalServerPort
    int port;

    /** HTTP/1.1 keep-alive, as load balancers and most clients speak to the gateway. */
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        String key = "file:" + TOKENS.writePublicKey();
        registry.add("gateway.auth.public-key", () -> key);
        for (String service : List.of("wallet-read", "wallet-write", "sync-worker", "asset-order")) {
            registry.add("gateway.services." + service, SERVICE::url);
        }
        registry.add("management.server.port", () -> "0");
        // 20 s each as shipped; short here, so a test can wait them out
        registry.add("spring.cloud.gateway.server.webflux.httpclient.pool.max-idle-time", () -> "1s");
        registry.add("gateway.limits.body-timeout", () -> "1s");
        policy(registry, 0, "test-withdrawals", "POST", "/v1/withdrawals", "user", 2, "closed");
        policy(registry, 1, "test-line-reads", "", "/v1/wallet/*/lines/**", "user", 3, "open");
        // counted locally and settled with Redis in batches, as the platform counts reads
        registry.add("gateway.rate-limits.policies[1].counting", () -> "batched");
        policy(registry, 2, "test-reads", "", "/v1/**", "user", 1000, "open");
    }

    private static void policy(DynamicPropertyRegistry registry, int index, String name, String method, String path,
            String key, int limit, String whenRedisFails) {
        String p = "gateway.rate-limits.policies[" + index + "].";
        registry.add(p + "name", () -> name);
        registry.add(p + "methods", () -> method);
        registry.add(p + "paths", () -> path);
        registry.add(p + "key", () -> key);
        registry.add(p + "limit", () -> limit);
        registry.add(p + "window", () -> "1h");
        registry.add(p + "when-redis-fails", () -> whenRedisFails);
    }

    @BeforeEach
    void clearStub() {
        SERVICE.clear();
    }

    static void assertProblem(HttpResponse<String> response, int status, URI type) {
        assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
            .hasValueSatisfying((contentType) -> assertThat(contentType).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"type\":\"" + type + "\"").doesNotContain("Exception", "at org.");
    }

    HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    HttpResponse<String> post(String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        // a request the gateway never answers fails its test instead of stalling the
        // build
        return this.http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + this.port + path);
    }

    String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", this.port)) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

}
