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
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.walletplatform.model.notification.RefreshRequest;
import org.walletplatform.model.wallet.WalletView;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Pull on entry against real Redis and a stand-in write side on a real port: many entries
 * of one user make one refresh, a burst of entries of many users goes out in a few
 * batched requests, and a write side that hangs does not hold up the read.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EntryRefreshIT {

    /**
     * Not closed after the class: EntryRefreshOnClusterIT runs these tests again against
     * it; the fork's exit stops it.
     */
    private static final WriteSide WRITE_SIDE = new WriteSide();

    private static final long BURST_FIRST = 930_000;

    private static final int BURST = 2_000;

    private static final long ABSENT_OFFSET = 1_000_000;

    private static final long BREAKER_FIRST = 950_000;

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Autowired
    private StringRedisTemplate redis;

    @Autowired
    private EntryRefresher refresher;

    @Autowired
    private CircuitBreakerRegistry breakers;

    @BeforeAll
    static void forgetEarlierRequests() {
        WRITE_SIDE.forget();
    }

    @DynamicPropertySource
    static void writeSide(DynamicPropertyRegistry registry) {
        registry.add("wallet.refresh.write-service-url", WRITE_SIDE::url);
    }

    @BeforeEach
    void forgetClaims() {
        List<String> claims = LongStream
            .concat(LongStream.of(9100, 9200), LongStream.range(BURST_FIRST, BURST_FIRST + BURST))
            .mapToObj((u) -> "wallet:refresh:" + u)
            .toList();
        // in pipelines of 200: 2,000 keys at once, split by slot on a Redis Cluster,
        // outlast the service's command timeout while its JVM is cold
        for (int from = 0; from < claims.size(); from += 200) {
            List<String> chunk = claims.subList(from, Math.min(claims.size(), from + 200));
            this.redis.executePipelined((RedisCallback<Object>) (connection) -> {
                chunk.forEach((key) -> connection.keyCommands().del(key.getBytes(StandardCharsets.UTF_8)));
                return null;
            });
        }
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
    void shouldSendABurstOfEntriesInAFewBatchesEachUserOnce() throws Exception {
        List<Long> claimedElsewhere = List.of(BURST_FIRST, BURST_FIRST + 7, BURST_FIRST + 1_234);
        claimedElsewhere
            .forEach((u) -> this.redis.opsForValue().set("wallet:refresh:" + u, "1", Duration.ofMinutes(1)));
        int requestsBefore = WRITE_SIDE.requests();

        for (long u = BURST_FIRST; u < BURST_FIRST + BURST; u++) {
            this.refresher.onEntry(u, WalletView.FROM_CACHE);
            this.refresher.onEntry(u + ABSENT_OFFSET, WalletView.FROM_PRESENCE);
        }

        Set<Long> expected = new HashSet<>();
        LongStream.range(BURST_FIRST, BURST_FIRST + BURST).forEach((u) -> {
            expected.add(u + ABSENT_OFFSET);
            if (!claimedElsewhere.contains(u)) {
                expected.add(u);
            }
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> WRITE_SIDE.usersSince(requestsBefore).containsAll(expected));
        List<Long> sent = WRITE_SIDE.usersSince(requestsBefore);
        assertThat(sent).as("each user once; none claimed by another instance").hasSameSizeAs(expected);
        assertThat(WRITE_SIDE.requests() - requestsBefore).as("requests for %d users", sent.size())
            .isBetween(2 * BURST / RefreshRequest.MAX_USERS, 40);
    }

    @Test
    void shouldKeepEntriesWhileTheWriteSideBreakerIsOpenAndSendThemAfter() throws Exception {
        CircuitBreaker writeSide = this.breakers.circuitBreaker("walletWrite");
        writeSide.transitionToForcedOpenState();
        List<Long> users = List.of(BREAKER_FIRST, BREAKER_FIRST + 1, BREAKER_FIRST + 2);
        try {
            users.forEach((u) -> this.refresher.onEntry(u, WalletView.FROM_PRESENCE));
            Thread.sleep(1_000);
            assertThat(WRITE_SIDE.usersSince(0)).doesNotContainAnyElementsOf(users);
        }
        finally {
            writeSide.transitionToClosedState();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> WRITE_SIDE.usersSince(0).containsAll(users));
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
            return usersSince(0).stream().filter((u) -> u == userId).count();
        }

        int requests() {
            return this.bodies.size();
        }

        /** Every user asked for in the requests after the first {@code skipped}. */
        List<Long> usersSince(int skipped) {
            return this.bodies.stream()
                .skip(skipped)
                .flatMap((b) -> Arrays.stream(b.replaceAll("[^0-9,]", "").split(",")))
                .map(Long::valueOf)
                .toList();
        }

        void forget() {
            this.bodies.clear();
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
