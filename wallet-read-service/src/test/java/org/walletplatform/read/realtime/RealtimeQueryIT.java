package org.walletplatform.read.realtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.walletplatform.model.config.IntegrationConfig;
import org.walletplatform.model.line.RealtimeContract;
import org.walletplatform.support.configrelease.ReleaseKeys;
import org.walletplatform.support.configrelease.ReleaseState;
import org.walletplatform.support.configrelease.ReleasedConfig;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real-time query against a stand-in line on a real port and real Redis: stale balances
 * with their age while the line fails, and summary calls only for the months a page spans
 * that are not cached yet.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RealtimeQueryIT {

    private static final FakeRealtimeLine LINE = new FakeRealtimeLine();

    private static final long USER = 4242;

    private final HttpClient http = HttpClient.newHttpClient();

    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    private int port;

    @Autowired
    private StringRedisTemplate redis;

    @DynamicPropertySource
    static void fakeLine(DynamicPropertyRegistry registry) {
        registry.add("wallet.business-lines.points.query-url", () -> LINE.url() + "/points");
    }

    @AfterAll
    static void stop() {
        LINE.server.stop(0);
    }

    @Autowired
    private ReleasedConfig<IntegrationConfig> integration;

    @BeforeEach
    void reset() {
        this.redis.delete(this.redis.keys("wallet:rt:*:points:*"));
        LINE.summaryCalls.clear();
        LINE.failing = false;
    }

    @Test
    void shouldServeTheLastGoodBalanceMarkedStaleWhileTheLineFails() throws Exception {
        JsonNode fresh = ok("/v1/wallet/" + USER + "/lines/points/balance");
        assertThat(fresh.get("amountMinor").asLong()).isEqualTo(7_700);
        assertThat(fresh.get("stale").asBoolean()).isFalse();

        LINE.failing = true;
        JsonNode stale = ok("/v1/wallet/" + USER + "/lines/points/balance");
        assertThat(stale.get("amountMinor").asLong()).isEqualTo(7_700);
        assertThat(stale.get("stale").asBoolean()).isTrue();
        assertThat(stale.get("ageSeconds").asLong()).isGreaterThanOrEqualTo(0);

        HttpResponse<String> never = get("/v1/wallet/" + (USER + 1) + "/lines/points/balance");
        assertThat(never.statusCode()).isEqualTo(503);
        assertThat(this.json.readTree(never.body()).get("type").asString())
            .isEqualTo("https://walletplatform.org/problems/line-unavailable");
    }

    @Test
    void shouldAskSummariesOnlyForUncachedMonthsThePageSpans() throws Exception {
        JsonNode first = ok("/v1/wallet/" + USER + "/lines/points/details?limit=3");
        assertThat(first.get("items")).hasSize(3);
        assertThat(months(first)).containsExactly("2026-11", "2026-10");
        assertThat(LINE.summaryCalls).containsOnlyKeys("2026-11", "2026-10");

        JsonNode second = ok(
                "/v1/wallet/" + USER + "/lines/points/details?limit=3&cursor=" + first.get("nextCursor").asString());
        assertThat(months(second)).containsExactly("2026-10", "2026-09");
        assertThat(LINE.summaryCalls).containsOnlyKeys("2026-11", "2026-10", "2026-09");
        assertThat(second.get("nextCursor").isNull()).isTrue();

        ok("/v1/wallet/" + USER + "/lines/points/details?limit=3");
        assertThat(LINE.summaryCalls.values()).allSatisfy((calls) -> assertThat(calls.get()).isEqualTo(1));
    }

    @Test
    void shouldQueryAGrayReleasesUserAtItsEndpointAndEveryoneElseAtTheBuiltInOne() throws Exception {
        IntegrationConfig moved = new IntegrationConfig(null,
                Map.of("points", new IntegrationConfig.LineQuery(LINE.url() + "/moved", 1000, 4)));
        publish(new ReleaseState("integration", this.integration.revision() + 1, null,
                new ReleaseState.Gray(1, this.json.valueToTree(moved), List.of(USER + 7), Instant.now())));
        try {
            assertThat(ok("/v1/wallet/" + (USER + 7) + "/lines/points/balance").get("amountMinor").asLong())
                .isEqualTo(9_900);
            assertThat(ok("/v1/wallet/" + USER + "/lines/points/balance").get("amountMinor").asLong()).isEqualTo(7_700);
        }
        finally {
            publish(new ReleaseState("integration", this.integration.revision() + 1, null, null));
            this.redis.delete(List.of(ReleaseKeys.state("integration"), ReleaseKeys.revision("integration")));
        }
    }

    /**
     * Publishes as the write service does, and takes it now rather than at the next poll.
     */
    private void publish(ReleaseState state) {
        this.redis.opsForValue().set(ReleaseKeys.state(state.name()), this.json.writeValueAsString(state));
        this.redis.opsForValue().set(ReleaseKeys.revision(state.name()), Long.toString(state.revision()));
        this.integration.refresh();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/v1/wallet/4242/lines/cash/balance", "/v1/wallet/4242/lines/nope/details",
            "/v1/wallet/4242/lines/points/details?limit=0", "/v1/wallet/4242/lines/points/details?limit=101",
            "/v1/wallet/4242/lines/points/details?cursor=no%20spaces", "/v1/wallet/x/lines/points/balance",
            "/v1/wallet/4242/lines/points/details?limit=ten", "/v1/wallet/4242/lines/points/details?cursor=%ff%fe" })
    void shouldRefuseBadInputWith400(String path) throws Exception {
        HttpResponse<String> response = get(path);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    private List<String> months(JsonNode details) {
        return details.get("summaries").valueStream().map((s) -> s.get("month").asString()).toList();
    }

    private JsonNode ok(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return this.json.readTree(response.body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A points line with six detail items over three months; counts summary calls per
     * month.
     */
    static final class FakeRealtimeLine {

        private static final List<RealtimeContract.DetailItem> ITEMS = List.of(item("d6", "2026-11-20T10:00:00Z", 300),
                item("d5", "2026-11-05T10:00:00Z", -100), item("d4", "2026-10-28T10:00:00Z", 500),
                item("d3", "2026-10-10T10:00:00Z", 200), item("d2", "2026-09-30T10:00:00Z", -50),
                item("d1", "2026-09-02T10:00:00Z", 1000));

        final Map<String, AtomicInteger> summaryCalls = new ConcurrentHashMap<>();

        volatile boolean failing;

        private final JsonMapper json = JsonMapper.builder().build();

        private final HttpServer server;

        FakeRealtimeLine() {
            try {
                this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            this.server.createContext("/points/", (exchange) -> handle(exchange, 7_700));
            // the line's new endpoint, as a gray release names it
            this.server.createContext("/moved/", (exchange) -> handle(exchange, 9_900));
            this.server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            this.server.start();
        }

        String url() {
            return "http://127.0.0.1:" + this.server.getAddress().getPort();
        }

        private void handle(HttpExchange exchange, long balance) throws IOException {
            try (exchange) {
                if (this.failing) {
                    exchange.sendResponseHeaders(503, -1);
                    return;
                }
                String[] path = exchange.getRequestURI().getPath().split("/");
                long userId = Long.parseLong(path[4]);
                Object body = switch (path[3]) {
                    case "balances" -> new RealtimeContract.Balance(userId, "points", balance, "POINT");
                    case "summaries" -> {
                        this.summaryCalls.computeIfAbsent(path[5], (m) -> new AtomicInteger()).incrementAndGet();
                        yield new RealtimeContract.MonthSummary(path[5], 1000, 100, 2);
                    }
                    default -> page(exchange.getRequestURI().getQuery());
                };
                byte[] bytes = this.json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
        }

        private static RealtimeContract.DetailPage page(String query) {
            int limit = 20;
            int from = 0;
            for (String param : (query != null) ? query.split("&") : new String[0]) {
                String[] kv = param.split("=");
                if (kv[0].equals("limit")) {
                    limit = Integer.parseInt(kv[1]);
                }
                if (kv[0].equals("cursor")) {
                    from = Integer.parseInt(kv[1].substring(1));
                }
            }
            int to = Math.min(ITEMS.size(), from + limit);
            return new RealtimeContract.DetailPage(ITEMS.subList(from, to), (to < ITEMS.size()) ? "c" + to : null);
        }

        private static RealtimeContract.DetailItem item(String id, String at, long amount) {
            return new RealtimeContract.DetailItem(id, Instant.parse(at), amount, id);
        }

    }

}
