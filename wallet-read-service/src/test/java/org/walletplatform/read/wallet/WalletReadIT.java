package org.walletplatform.read.wallet;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.walletplatform.model.ProblemTypes;
import org.walletplatform.model.caller.Caller;
import org.walletplatform.model.caller.CallerAssertion;
import org.walletplatform.model.line.AssetItem;
import org.walletplatform.model.line.AssetSnapshot;
import org.walletplatform.store.cache.WalletCache;
import org.walletplatform.read.CallCounting;
import org.walletplatform.read.StoredWallets;
import org.walletplatform.read.presence.LivePresence;
import org.walletplatform.store.presence.PresenceJournal;
import org.walletplatform.store.snapshot.SnapshotStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Wallet reads over HTTP on real Redis and sharded MariaDB: a miss reads the database and
 * fills the cache, the next read is a hit with the same content, bad ids are refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(CallCounting.class)
class WalletReadIT {

    private static final long USER = 7_000_000_001L;

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Autowired
    private SnapshotStore store;

    @Autowired
    private PresenceJournal journal;

    @Autowired
    private LivePresence presence;

    @Autowired
    private StringRedisTemplate redis;

    @Autowired
    private JsonMapper json;

    @Autowired
    private MeterRegistry meters;

    @BeforeEach
    void seed() {
        StoredWallets.store(this.store, this.journal, this.presence,
                new AssetSnapshot(USER, "coupons", 4,
                        List.of(new AssetItem("c1", "coupon", "Coupon", 1500, "CNY"),
                                new AssetItem("c2", "coupon", "Coupon", 500, "CNY"))),
                new AssetSnapshot(USER, "cash", 9, List.of(new AssetItem("cash", "cash", "Cash", 12345, "CNY"))));
        this.redis.delete(List.of(WalletCache.key(USER), WalletCache.key(USER + 1)));
    }

    @Test
    void shouldReadTheDatabaseOnAMissThenServeTheSameWalletFromTheCache() throws Exception {
        JsonNode first = get("/v1/wallet/" + USER, 200);
        JsonNode second = get("/v1/wallet/" + USER, 200);

        assertThat(first.get("source").asString()).isEqualTo("database");
        assertThat(second.get("source").asString()).isEqualTo("cache");
        assertThat(second.get("lines")).isEqualTo(first.get("lines"));
        assertThat(first.get("userId").asLong()).isEqualTo(USER);
        JsonNode lines = first.get("lines");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("businessLine").asString()).isEqualTo("cash");
        assertThat(lines.get(0).get("version").asLong()).isEqualTo(9);
        assertThat(lines.get(0).get("assets").get(0).get("amountMinor").asLong()).isEqualTo(12345);
        assertThat(lines.get(1).get("businessLine").asString()).isEqualTo("coupons");
        assertThat(lines.get(1).get("assets")).hasSize(2);
    }

    /**
     * The plain case is answered by {@link WalletFastPath} before MVC: its answers still
     * count in http.server.requests under the route's pattern, as the controller's would.
     */
    @Test
    void fastPathAnswersAreTimedUnderTheRoutesPattern() throws Exception {
        Timer timer = this.meters.find("http.server.requests")
            .tags("uri", WalletFastPath.PATTERN, "status", "200", "method", "GET")
            .timer();
        long before = (timer != null) ? timer.count() : 0;

        HttpResponse<String> response = send("/v1/wallet/" + USER);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        // once: timed by the fast path, not also by Spring's observation
        await().atMost(Duration.ofSeconds(5))
            .untilAsserted(() -> assertThat(this.meters.get("http.server.requests")
                .tags("uri", WalletFastPath.PATTERN, "status", "200", "method", "GET")
                .timer()
                .count()).isEqualTo(before + 1));
        assertThat(this.meters.get("http.server.requests")
            .tags("uri", WalletFastPath.PATTERN, "status", "200", "method", "GET")
            .timer()
            .getId()
            .getTags()).extracting(Tag::getKey)
            .containsExactlyInAnyOrder("application", "error", "exception", "method", "outcome", "status", "uri");
        assertThat(this.meters.get("http.server.requests")
            .tags("uri", WalletFastPath.PATTERN, "outcome", "SUCCESS", "exception", "none", "error", "none")
            .timer()
            .count()).isPositive();
    }

    /**
     * The fast path answers before the caller filter, so it applies the caller check
     * itself: a forged assertion is 401, another user's is 403, its own user's is 200;
     * each refusal is timed under the route's pattern too.
     */
    @Test
    void fastPathAppliesTheCallerCheck() throws Exception {
        String path = "/v1/wallet/" + USER;
        long refusedBefore = count("401") + count("403");

        HttpResponse<String> forged = sendAs(path, USER, "guessed-secret");
        HttpResponse<String> someoneElse = sendAs(path, USER + 1, "dev-caller-secret");
        HttpResponse<String> owner = sendAs(path, USER, "dev-caller-secret");

        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(this.json.readTree(forged.body()).path("type").asString())
            .isEqualTo(ProblemTypes.UNAUTHENTICATED.toString());
        assertThat(someoneElse.statusCode()).isEqualTo(403);
        assertThat(someoneElse.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(this.json.readTree(someoneElse.body()).path("type").asString())
            .isEqualTo(ProblemTypes.FORBIDDEN.toString());
        assertThat(owner.statusCode()).isEqualTo(200);
        assertThat(this.json.readTree(owner.body()).path("userId").asLong()).isEqualTo(USER);
        assertThat(count("401") + count("403") - refusedBefore).isEqualTo(2);
    }

    private long count(String status) {
        Timer timer = this.meters.find("http.server.requests")
            .tags("uri", WalletFastPath.PATTERN, "status", status)
            .timer();
        return (timer != null) ? timer.count() : 0;
    }

    private HttpResponse<String> sendAs(String path, long user, String secret) throws Exception {
        String assertion = CallerAssertion.assertion(new Caller(Long.toString(user), false), Instant.now());
        return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
            .header(CallerAssertion.HEADER, assertion)
            .header(CallerAssertion.SIGNATURE, CallerAssertion.sign(secret, "GET", path, assertion))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldServeTheHomeEntryWithTheConfiguredSlots() throws Exception {
        JsonNode home = get("/v1/wallet/" + USER + "/home", 200);

        assertThat(home.get("slots")).hasSize(4);
        assertThat(home.get("slots").get(0).get("businessLine").asString()).isEqualTo("cash");
        assertThat(home.get("slots").get(0).get("value").asLong()).isEqualTo(12345);
        assertThat(home.get("slots").get(2).get("measure").asString()).isEqualTo("count");
        assertThat(home.get("slots").get(2).get("value").asLong()).isEqualTo(2);
        assertThat(home.get("totals").get(0).get("unit").asString()).isEqualTo("CNY");
        assertThat(home.get("totals").get(0).get("amountMinor").asLong()).isEqualTo(12345);
        assertThat(send("/v1/wallet/abc/home").statusCode()).isEqualTo(400);
    }

    @Test
    void shouldAnswerAnEmptyWalletForAUserWithoutAssets() throws Exception {
        JsonNode wallet = get("/v1/wallet/" + (USER + 1), 200);

        assertThat(wallet.get("lines")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "abc", "-1", "0", "99999999999999999999", "1.5" })
    void shouldRefuseAUserIdThatIsNotAPositiveWholeNumber(String id) throws Exception {
        HttpResponse<String> response = send("/v1/wallet/" + id);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = this.json.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("https://walletplatform.org/problems/validation");
        assertThat(problem.get("violations").get(0).get("field").asString()).isEqualTo("userId");
    }

    /**
     * A read that fails on the fast path is answered by the problem advice, as the
     * controller's would be (a store that does not answer is a 503 to retry, not a 500),
     * and MySQL is asked once, not again by the controller.
     */
    @Test
    void aFailingReadIsOneProblemAndOneAttempt() throws Exception {
        long attempts = CallCounting.MYSQL.get();
        CallCounting.MYSQL_DOWN.set(true);
        HttpResponse<String> response;
        try {
            response = send("/v1/wallet/" + USER);
        }
        finally {
            CallCounting.MYSQL_DOWN.set(false);
        }

        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(this.json.readTree(response.body()).path("type").asString())
            .isEqualTo(ProblemTypes.SERVICE_UNAVAILABLE.toString());
        assertThat(CallCounting.MYSQL.get() - attempts).isEqualTo(1);
        assertThat(this.meters.get("http.server.requests")
            .tags("uri", WalletFastPath.PATTERN, "status", "503", "outcome", "SERVER_ERROR")
            .timer()
            .count()).isPositive();
    }

    /** Spring's own refusals carry the platform's types too, not an empty one. */
    @Test
    void unknownPathsAndMethodsAreProblemsWithThePlatformsTypes() throws Exception {
        HttpResponse<String> unknown = send("/v1/wallet/" + USER + "/");
        HttpResponse<String> wrongMethod = this.http
            .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/v1/wallet/" + USER))
                .DELETE()
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(this.json.readTree(unknown.body()).path("type").asString())
            .isEqualTo(ProblemTypes.NOT_FOUND.toString());
        assertThat(this.json.readTree(unknown.body()).path("detail").asString())
            .isEqualTo("There is no endpoint GET /v1/wallet/" + USER + "/.");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(this.json.readTree(wrongMethod.body()).path("type").asString())
            .isEqualTo(ProblemTypes.METHOD_NOT_ALLOWED.toString());
    }

    /**
     * The wallet is JSON only: a client that takes no JSON gets a 406 problem, not JSON
     * from the fast path; a browser's {@code Accept} gets JSON.
     */
    @Test
    void aClientThatTakesNoJsonGets406() throws Exception {
        for (String accept : List.of("application/xml", "application/yaml")) {
            HttpResponse<String> refused = this.http
                .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/v1/wallet/" + USER))
                    .header("Accept", accept)
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).as(accept).isEqualTo(406);
            assertThat(refused.headers().firstValue("Content-Type")).contains("application/problem+json");
        }
        HttpResponse<String> browser = this.http
            .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/v1/wallet/" + USER))
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(browser.statusCode()).isEqualTo(200);
        assertThat(this.json.readTree(browser.body()).get("userId").asLong()).isEqualTo(USER);
    }

    private JsonNode get(String path, int status) throws Exception {
        HttpResponse<String> response = send(path);
        assertThat(response.statusCode()).isEqualTo(status);
        return this.json.readTree(response.body());
    }

    private HttpResponse<String> send(String path) throws Exception {
        return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

}
