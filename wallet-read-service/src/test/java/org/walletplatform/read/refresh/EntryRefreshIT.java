package org.walletplatform.read.refresh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.walletplatform.model.notification.RefreshRequest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Pull on entry against real Redis and a stand-in write side on a real port: many entries
 * of one user make one refresh request, and a write side that hangs does not hold up the
 * read.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EntryRefreshIT {

    private static final WriteSide WRITE_SIDE = new WriteSide();

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Autowired
    private StringRedisTemplate redis;

    @DynamicPropertySource
    static void writeSide(DynamicPropertyRegistry registry) {
        registry.add("wallet.refresh.write-service-url", WRITE_SIDE::url);
    }

    @AfterAll
    static void stop() {
        WRITE_SIDE.close();
    }

    @BeforeEach
    void forgetClaims() {
        this.redis.delete(List.of("wallet:refresh:9100", "wallet:refresh:9200"));
    }

    @Test
    void shouldRefreshAUserOnceWhateverTheNumberOfEntries() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(get("/v1/wallet/9100").statusCode()).isEqualTo(200);
        }
        assertThat(get("/v1/wallet/9100/home").statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> WRITE_SIDE.requestsFor(9100) == 1);
        Thread.sleep(500);
        assertThat(WRITE_SIDE.requestsFor(9100)).isEqualTo(1);
    }

    @Test
    void shouldAnswerTheReadWhileTheWriteSideHangs() throws Exception {
        WRITE_SIDE.hold();
        try {
            HttpResponse<String> read = get("/v1/wallet/9200");

            assertThat(read.statusCode()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> WRITE_SIDE.requestsFor(9200) == 1);
            assertThat(WRITE_SIDE.answered()).as("the write side has not answered yet").isFalse();
        }
        finally {
            WRITE_SIDE.release();
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The write service's refresh endpoint, recording bodies, optionally holding its
     * answers.
     */
    static final class WriteSide implements AutoCloseable {

        private final HttpServer server;

        private final List<String> bodies = new CopyOnWriteArrayList<>();

        private volatile CountDownLatch gate = new CountDownLatch(0);

        private volatile boolean answered;

        WriteSide() {
            try {
                this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            this.server.createContext(RefreshRequest.PATH, (exchange) -> {
                try (exchange) {
                    this.bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                    this.gate.await(30, TimeUnit.SECONDS);
                    exchange.sendResponseHeaders(202, -1);
                    this.answered = true;
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            });
            this.server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            this.server.start();
        }

        String url() {
            return "http://127.0.0.1:" + this.server.getAddress().getPort();
        }

        long requestsFor(long userId) {
            return this.bodies.stream().filter((b) -> b.equals("{\"userId\":" + userId + "}")).count();
        }

        void hold() {
            this.answered = false;
            this.gate = new CountDownLatch(1);
        }

        void release() {
            this.gate.countDown();
        }

        boolean answered() {
            return this.answered;
        }

        @Override
        public void close() {
            release();
            this.server.stop(0);
        }

    }

}
