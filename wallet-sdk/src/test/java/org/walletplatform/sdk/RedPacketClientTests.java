package org.walletplatform.sdk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The client against a scripted HTTP server: retries, refusals, timeouts and its caches.
 */
class RedPacketClientTests {

    private static final String BALANCE = "{\"actId\":42,\"balanceMinor\":900,\"settledMinor\":700,"
            + "\"pendingMinor\":200,\"incomeMinor\":1500,\"version\":3000001}";

    private final Deque<int[]> script = new ArrayDeque<>(); // status, delay ms

    private final AtomicInteger calls = new AtomicInteger();

    private final HttpServer server = start();

    @AfterEach
    void stop() {
        this.server.stop(0);
    }

    @Test
    void shouldRetryAnIdempotentCallThroughServerErrorsAndAnswerTheBalance() {
        answers(503, 500, 200);

        Balance balance = client(3, Duration.ZERO).balance(42);

        assertThat(balance).isEqualTo(new Balance(42, 900, 700, 200, 1500, 3000001));
        assertThat(this.calls).hasValue(3);
    }

    @Test
    void shouldThrowARefusalAtOnceWithItsProblemType() {
        answers(422, 200);

        assertThatThrownBy(() -> client(3, Duration.ZERO).settleNow(42))
            .isInstanceOfSatisfying(WalletApiException.class, (ex) -> {
                assertThat(ex.status()).isEqualTo(422);
                assertThat(ex.problemType()).isEqualTo("https://walletplatform.org/problems/insufficient-funds");
            });
        assertThat(this.calls).hasValue(1);
    }

    @Test
    void shouldGiveUpAfterItsAttemptsWhenNoAnswerComesInTime() {
        this.script.add(new int[] { 200, 1_500 });
        this.script.add(new int[] { 200, 1_500 });

        RedPacketClient client = RedPacketClient.builder(URI.create(url()))
            .timeout(Duration.ofMillis(300))
            .attempts(2)
            .build();

        assertThatThrownBy(() -> client.balance(42)).isInstanceOfSatisfying(WalletApiException.class,
                (ex) -> assertThat(ex.status()).isZero());
        assertThat(this.calls).hasValue(2);
    }

    @Test
    void shouldServeABalanceFromMemoryWithinItsTtl() {
        answers(200, 200);
        RedPacketClient client = client(1, Duration.ofMinutes(1));

        client.balance(42);
        assertThat(client.cumulativeIncome(42)).isEqualTo(1500);

        assertThat(this.calls).hasValue(1);
    }

    @Test
    void shouldRememberRewardsThatExistButAskAgainForOnesThatDoNot() {
        answers(404, 200, 404);
        RedPacketClient client = client(1, Duration.ZERO);

        assertThat(client.rewardExists("42_s_r_cash_1")).isFalse();
        assertThat(client.rewardExists("42_s_r_cash_1")).isTrue();
        assertThat(client.rewardExists("42_s_r_cash_1")).isTrue();

        assertThat(this.calls).hasValue(2);
    }

    private RedPacketClient client(int attempts, Duration ttl) {
        return RedPacketClient.builder(URI.create(url()))
            .timeout(Duration.ofSeconds(2))
            .attempts(attempts)
            .balanceCacheTtl(ttl)
            .build();
    }

    private void answers(int... statuses) {
        for (int status : statuses) {
            this.script.add(new int[] { status, 0 });
        }
    }

    private String url() {
        return "http://127.0.0.1:" + this.server.getAddress().getPort();
    }

    private HttpServer start() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            http.createContext("/", this::handle);
            http.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
            http.start();
            return http;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        this.calls.incrementAndGet();
        int[] next = this.script.poll();
        int status = (next != null) ? next[0] : 500;
        if (next != null && next[1] > 0) {
            try {
                Thread.sleep(next[1]);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
        String body = (status == 200) ? (exchange.getRequestURI().getPath().startsWith("/v1/rewards") ? "{}" : BALANCE)
                : "{\"type\":\"https://walletplatform.org/problems/insufficient-funds\",\"detail\":\"short\"}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

}
