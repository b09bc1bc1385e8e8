package org.walletplatform.read.wallet;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.walletplatform.model.line.AssetItem;
import org.walletplatform.model.line.AssetSnapshot;
import org.walletplatform.read.StoredWallets;
import org.walletplatform.read.presence.LivePresence;
import org.walletplatform.store.presence.PresenceJournal;
import org.walletplatform.store.snapshot.SnapshotStore;
import org.walletplatform.testing.CuttableProxy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Redis goes away under a running read service (its link through a cuttable proxy is
 * cut): reads keep answering from MySQL marked degraded; when Redis comes back, reads
 * return to the cache by themselves.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "resilience4j.circuitbreaker.instances.walletCache.wait-duration-in-open-state=1s")
@ActiveProfiles("test")
class RedisOutageIT {

    private static final CuttableProxy REDIS = new CuttableProxy(6379);

    private static final long USER = 7_100_000_001L;

    private final HttpClient http = HttpClient.newHttpClient();

    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    private int port;

    @Autowired
    private SnapshotStore store;

    @Autowired
    private PresenceJournal journal;

    @Autowired
    private LivePresence presence;

    @DynamicPropertySource
    static void redisThroughTheProxy(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.port", REDIS::port);
    }

    @AfterAll
    static void closeProxy() {
        REDIS.close();
    }

    @Test
    void shouldAnswerDegradedFromMysqlWhileRedisIsDownAndRecoverWithoutARestart() throws Exception {
        StoredWallets.store(this.store, this.journal, this.presence,
                new AssetSnapshot(USER, "cash", 3, List.of(new AssetItem("cash", "cash", "Cash", 4200, "CNY"))));
        read();
        assertThat(read().get("source").asString()).isEqualTo("cache");

        REDIS.cut();
        for (int i = 0; i < 20; i++) {
            JsonNode wallet = read();
            assertThat(wallet.get("degraded").asBoolean()).isTrue();
            assertThat(wallet.get("source").asString()).isEqualTo("database");
            assertThat(wallet.get("lines").get(0).get("assets").get(0).get("amountMinor").asLong()).isEqualTo(4200);
        }

        REDIS.restore();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonNode wallet = read();
            return !wallet.get("degraded").asBoolean() && wallet.get("source").asString().equals("cache");
        });
    }

    private JsonNode read() throws Exception {
        HttpResponse<String> response = this.http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/v1/wallet/" + USER)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return this.json.readTree(response.body());
    }

}
