package org.walletplatform.read.presence;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.walletplatform.model.line.AssetItem;
import org.walletplatform.model.line.AssetSnapshot;
import org.walletplatform.read.CallCounting;
import org.walletplatform.read.StoredWallets;
import org.walletplatform.store.presence.PresenceJournal;
import org.walletplatform.store.presence.PresenceSnapshotBuilder;
import org.walletplatform.store.presence.PresenceSnapshots;
import org.walletplatform.store.snapshot.SnapshotStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The presence set on a running read instance, against real Redis and sharded MariaDB:
 * absent users cost no I/O, gains and losses journaled by the write side show within the
 * bound, a delta that never reached the journal is caught by the next snapshot, and a
 * corrupt snapshot is refused without a wrong answer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(CallCounting.class)
class PresenceIT {

    /** Users of this test live in a range no other test uses. */
    private static final long BASE = 9_000_000_000_000L;

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Autowired
    private SnapshotStore store;

    @Autowired
    private PresenceJournal journal;

    @Autowired
    private PresenceSnapshotBuilder builder;

    @Autowired
    private PresenceSnapshots snapshots;

    @Autowired
    private LivePresence presence;

    @Autowired
    private StringRedisTemplate redis;

    @Autowired
    private MeterRegistry meters;

    @Autowired
    private JsonMapper json;

    @Test
    void shouldAnswerAnAbsentUserFromMemoryWithoutAnyRedisOrMysqlCall() throws Exception {
        long absent = BASE + 1;
        loadFreshSnapshot();
        CallCounting.REDIS.set(0);
        CallCounting.MYSQL.set(0);

        JsonNode wallet = get("/v1/wallet/" + absent);
        JsonNode home = get("/v1/wallet/" + absent + "/home");
        Thread.sleep(300); // the entry refresh runs after the response: let it run

        assertThat(wallet.get("source").asString()).isEqualTo("presence");
        assertThat(wallet.get("lines")).isEmpty();
        assertThat(home.get("slots")).hasSize(4).allSatisfy((slot) -> assertThat(slot.get("value").asLong()).isZero());
        assertThat(CallCounting.REDIS.get()).as("Redis connections").isZero();
        assertThat(CallCounting.MYSQL.get()).as("MySQL connections").isZero();
    }

    @Test
    void shouldShowAGainedUserAndForgetOneWhoLostEverything() throws Exception {
        long user = BASE + 2;
        loadFreshSnapshot();
        long version = System.currentTimeMillis();

        StoredWallets.store(this.store, this.journal, this.presence, new AssetSnapshot(user, "coins", version,
                List.of(new AssetItem("coins", "virtual-currency", "Coins", 70, "COIN"))));
        CallCounting.REDIS.set(0);
        JsonNode gained = get("/v1/wallet/" + user);
        long redisCallsOfAPresentUser = CallCounting.REDIS.get();
        StoredWallets.store(this.store, this.journal, this.presence,
                new AssetSnapshot(user, "coins", version + 1, List.of()));
        JsonNode lost = get("/v1/wallet/" + user);

        assertThat(gained.get("source").asString()).isIn("cache", "database");
        assertThat(gained.get("lines").get(0).get("assets").get(0).get("amountMinor").asLong()).isEqualTo(70);
        assertThat(redisCallsOfAPresentUser).as("the counter sees a present user's calls").isPositive();
        assertThat(lost.get("source").asString()).isEqualTo("presence");
        assertThat(lost.get("lines")).isEmpty();
        assertThat(this.meters.get("wallet.presence.staleness").timer().count()).isPositive();
    }

    @Test
    void shouldCatchAWriteThatWasNeverJournaledWithTheNextSnapshot() {
        // a user never stored before (the database outlives test runs)
        long user = BASE + 2_000_000_000L + System.currentTimeMillis() % 1_000_000_000L;
        loadFreshSnapshot();
        this.store.upsertNewer(List.of(new AssetSnapshot(user, "cash", System.currentTimeMillis(),
                List.of(new AssetItem("cash", "cash", "Cash", 1, "CNY")))));
        assertThat(this.presence.isAbsent(user)).as("no delta was journaled").isTrue();

        this.builder.build();

        await().atMost(Duration.ofSeconds(10)).until(() -> !this.presence.isAbsent(user));
    }

    @Test
    void shouldFindEveryStoredUserAndReportNoOtherForAFixedSeedPopulation() {
        SplittableRandom random = new SplittableRandom(20261122);
        Set<Long> population = new HashSet<>();
        List<AssetSnapshot> snapshots = new ArrayList<>();
        while (population.size() < 2_000) {
            long id = BASE + 1_000_000 + random.nextLong(1_000_000_000L);
            if (population.add(id)) {
                snapshots
                    .add(new AssetSnapshot(id, "cash", 1, List.of(new AssetItem("cash", "cash", "Cash", 5, "CNY"))));
            }
        }
        this.store.upsertNewer(snapshots);
        loadFreshSnapshot();

        assertThat(population).allMatch((id) -> !this.presence.isAbsent(id));
        int checked = 0;
        while (checked < 100_000) {
            long candidate = BASE + 1_000_000 + random.nextLong(1_000_000_000L);
            if (!population.contains(candidate)) {
                assertThat(this.presence.isAbsent(candidate)).as("absent %d", candidate).isTrue();
                checked++;
            }
        }
    }

    @Test
    void shouldRefuseACorruptSnapshotKeepTheLastGoodSetAndSayItIsUnhealthy() throws Exception {
        long user = BASE + 4;
        StoredWallets.store(this.store, this.journal, this.presence, new AssetSnapshot(user, "cash",
                System.currentTimeMillis(), List.of(new AssetItem("cash", "cash", "Cash", 9, "CNY"))));
        loadFreshSnapshot();

        this.redis.opsForHash()
            .putAll("wallet:presence:snapshot", Map.of("set", "WPS1 but not a presence set", "position", "0-0",
                    "built-at", Long.toString(System.currentTimeMillis() + 1)));
        await().atMost(Duration.ofSeconds(10))
            .until(() -> presenceHealth().get("status").asString().equals("UNHEALTHY_FOR_PRESENCE"));

        assertThat(this.presence.isAbsent(user)).isFalse();
        assertThat(this.presence.isAbsent(BASE + 5)).isTrue();
        assertThat(get("/v1/wallet/" + user).get("lines").get(0).get("assets").get(0).get("amountMinor").asLong())
            .isEqualTo(9);
        assertThat(presenceHealth().get("details").get("reason").asString()).isNotBlank();

        loadFreshSnapshot();
        assertThat(presenceHealth().get("status").asString()).isEqualTo("UP");
    }

    /** Builds a snapshot now and waits until this instance has loaded it. */
    private void loadFreshSnapshot() {
        this.builder.build();
        Instant builtAt = this.snapshots.builtAt().orElseThrow();
        await().atMost(Duration.ofSeconds(10))
            .pollInterval(Duration.ofMillis(20))
            .until(() -> this.presence.current().map((v) -> !v.snapshotBuiltAt().isBefore(builtAt)).orElse(false));
    }

    private JsonNode presenceHealth() throws Exception {
        HttpResponse<String> response = send("/actuator/health");
        assertThat(response.statusCode()).isEqualTo(200);
        return this.json.readTree(response.body()).get("components").get("presence");
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = send(path);
        assertThat(response.statusCode()).isEqualTo(200);
        return this.json.readTree(response.body());
    }

    private HttpResponse<String> send(String path) throws Exception {
        return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

}
