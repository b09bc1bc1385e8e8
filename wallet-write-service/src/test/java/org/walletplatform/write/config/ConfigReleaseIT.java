package org.walletplatform.write.config;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.walletplatform.support.configrelease.MirroredReleaseStates;
import org.walletplatform.support.configrelease.RedisReleaseStates;
import org.walletplatform.support.configrelease.ReleaseKeys;
import org.walletplatform.support.configrelease.ReleaseState;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Configuration releases over real HTTP, on the real MySQL mirror and Redis: full and
 * gray releases, whitelist changes, promotion, abort and rollback; revisions that guard
 * against stale decisions while a retried request answers as the first time; bad input
 * refused with nothing stored; Redis repaired from the mirror.
 */
@ActiveProfiles("test")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConfigReleaseIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Autowired
    private JsonMapper json;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private StringRedisTemplate redis;

    @Autowired
    private ReleasePublisher publisher;

    @Autowired
    private DataSource dataSource;

    @BeforeEach
    @AfterAll
    void startWithNothingReleased() {
        for (String table : List.of("config_state", "config_version", "config_change")) {
            this.jdbc.sql("DELETE FROM " + table).update();
        }
        for (String name : ConfigNames.ALL) {
            this.redis.delete(List.of(ReleaseKeys.state(name), ReleaseKeys.revision(name)));
        }
    }

    @Test
    void shouldReleaseToEveryoneAndPublishToRedisAndTheMirror() throws Exception {
        HttpResponse<String> response = post("/admin/config/display/releases", release(0, "Balance", null));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location")).hasValue("/admin/config/display/versions/1");
        JsonNode view = this.json.readTree(response.body());
        assertThat(view.get("published").asBoolean()).isTrue();
        assertThat(view.at("/state/revision").asLong()).isEqualTo(1);
        assertThat(view.at("/state/stable/version").asLong()).isEqualTo(1);
        assertThat(view.at("/state/stable/config/slots/0/name").asString()).isEqualTo("Balance");
        assertThat(view.at("/state/gray").isNull()).isTrue();
        ReleaseState inRedis = this.json.readValue(this.redis.opsForValue().get(ReleaseKeys.state("display")),
                ReleaseState.class);
        assertThat(this.redis.opsForValue().get(ReleaseKeys.revision("display"))).isEqualTo("1");
        assertThat(inRedis).isEqualTo(mirrored());
        assertThat(inRedis.stable().config().at("/slots/0/name").asString()).isEqualTo("Balance");
        assertThat(get("/admin/config/display/versions/1").at("/slots/0/name").asString()).isEqualTo("Balance");
    }

    @Test
    void shouldRunAGrayReleaseThroughWideningToPromotion() throws Exception {
        post("/admin/config/display/releases", release(0, "Balance", null));

        JsonNode gray = this.json
            .readTree(post("/admin/config/display/releases", release(1, "Wallet", List.of(7L, 3L, 3L))).body());
        assertThat(gray.at("/state/stable/config/slots/0/name").asString()).isEqualTo("Balance");
        assertThat(gray.at("/state/gray/version").asLong()).isEqualTo(2);
        assertThat(gray.at("/state/gray/config/slots/0/name").asString()).isEqualTo("Wallet");
        assertThat(longs(gray.at("/state/gray/whitelist"))).containsExactly(3L, 7L);

        JsonNode widened = this.json
            .readTree(put("/admin/config/display/gray/whitelist", "{\"revision\":2,\"whitelist\":[3,7,11]}").body());
        assertThat(longs(widened.at("/state/gray/whitelist"))).containsExactly(3L, 7L, 11L);

        HttpResponse<String> promoted = post("/admin/config/display/gray/promote", "{\"revision\":3}");
        assertThat(promoted.statusCode()).isEqualTo(200);
        JsonNode state = this.json.readTree(promoted.body()).get("state");
        assertThat(state.at("/stable/version").asLong()).isEqualTo(2);
        assertThat(state.at("/stable/config/slots/0/name").asString()).isEqualTo("Wallet");
        assertThat(state.get("gray").isNull()).isTrue();
        assertThat(mirrored().revision()).isEqualTo(4);
        assertThat(get("/admin/config/display/changes")).extracting((c) -> c.get("action").asString())
            .containsExactly("promote", "whitelist", "gray-release", "release");
    }

    @Test
    void shouldAbortAGrayReleaseAndRollBackToAnEarlierVersion() throws Exception {
        post("/admin/config/display/releases", release(0, "First", null));
        post("/admin/config/display/releases", release(1, "Second", null));
        post("/admin/config/display/releases", release(2, "Third", List.of(5L)));

        assertThat(problem(post("/admin/config/display/rollback", "{\"revision\":3,\"version\":1}"), 409))
            .isEqualTo("config-release-conflict");
        JsonNode aborted = this.json.readTree(post("/admin/config/display/gray/abort", "{\"revision\":3}").body());
        assertThat(aborted.at("/state/gray").isNull()).isTrue();
        assertThat(aborted.at("/state/stable/config/slots/0/name").asString()).isEqualTo("Second");

        JsonNode rolledBack = this.json
            .readTree(post("/admin/config/display/rollback", "{\"revision\":4,\"version\":1}").body());
        assertThat(rolledBack.at("/state/revision").asLong()).isEqualTo(5);
        assertThat(rolledBack.at("/state/stable/version").asLong()).isEqualTo(1);
        assertThat(rolledBack.at("/state/stable/config/slots/0/name").asString()).isEqualTo("First");
        assertThat(this.redis.opsForValue().get(ReleaseKeys.revision("display"))).isEqualTo("5");

        assertThat(problem(post("/admin/config/display/rollback", "{\"revision\":5,\"version\":1}"), 409))
            .isEqualTo("config-release-conflict");
        assertThat(problem(post("/admin/config/display/rollback", "{\"revision\":5,\"version\":9}"), 404))
            .isEqualTo("not-found");
        assertThat(problem(post("/admin/config/display/gray/promote", "{\"revision\":5}"), 409))
            .isEqualTo("config-release-conflict");
        assertThat(mirrored().revision()).isEqualTo(5);
    }

    @Test
    void shouldAnswerARetryAsTheFirstTimeAndRefuseADecisionOnAStaleRevision() throws Exception {
        HttpResponse<String> first = post("/admin/config/display/releases", release(0, "Balance", null));
        HttpResponse<String> retry = post("/admin/config/display/releases", release(0, "Balance", null));

        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(this.json.readTree(retry.body())).isEqualTo(this.json.readTree(first.body()));
        assertThat(mirrored().revision()).isEqualTo(1);
        assertThat(get("/admin/config/display/changes")).hasSize(1);

        HttpResponse<String> stale = post("/admin/config/display/releases", release(0, "Other", null));
        assertThat(problem(stale, 409)).isEqualTo("config-revision-conflict");
        assertThat(this.json.readTree(stale.body()).get("revision").asLong()).isEqualTo(1);
        assertThat(problem(post("/admin/config/display/gray/abort", "{\"revision\":0}"), 409))
            .isEqualTo("config-revision-conflict");
        assertThat(mirrored().stable().config().at("/slots/0/name").asString()).isEqualTo("Balance");
    }

    @Test
    void shouldRefuseBadInputNamingTheFieldAndStoreNothing() throws Exception {
        String good = release(0, "Balance", null);
        assertField(post("/admin/config/display/releases", good.replace("\"measure\":\"sum\"", "\"measure\":\"avg\"")),
                "config.slots[0].measure");
        assertField(post("/admin/config/display/releases",
                "{\"revision\":0,\"config\":{\"slots\":[],\"totalKinds\":[\"cash\"]}}"), "config.slots");
        assertField(post("/admin/config/display/releases", good.replace("\"revision\":0,", "")), "revision");
        assertField(post("/admin/config/display/releases", release(0, "Balance", List.of(-4L))), "whitelist[0]");
        HttpResponse<String> unknownLine = post("/admin/config/display/releases",
                good.replace("\"businessLine\":\"coins\"", "\"businessLine\":\"lottery\""));
        assertThat(problem(unknownLine, 400)).isEqualTo("unknown-business-line");
        assertThat(this.json.readTree(unknownLine.body()).get("field").asString())
            .isEqualTo("config.slots[3].businessLine");
        assertThat(problem(post("/admin/config/prices/gray/promote", "{\"revision\":0}"), 404)).isEqualTo("not-found");
        assertThat(problem(put("/admin/config/display/gray/whitelist", "{\"revision\":0,\"whitelist\":[]}"), 400))
            .isEqualTo("validation");

        assertThat(this.jdbc.sql("SELECT COUNT(*) FROM config_version").query(Long.class).single()).isZero();
        assertThat(this.redis.hasKey(ReleaseKeys.state("display"))).isFalse();
    }

    @Test
    void shouldPublishTheMirrorAgainToARedisThatLostIt() throws Exception {
        post("/admin/config/display/releases", release(0, "Balance", null));
        post("/admin/config/display/releases", release(1, "Wallet", List.of(3L)));
        this.redis.delete(List.of(ReleaseKeys.state("display"), ReleaseKeys.revision("display")));
        assertThat(get("/admin/config/display").get("published").asBoolean()).isFalse();

        this.publisher.republish();

        assertThat(this.redis.opsForValue().get(ReleaseKeys.revision("display"))).isEqualTo("2");
        assertThat(this.json.readValue(this.redis.opsForValue().get(ReleaseKeys.state("display")), ReleaseState.class))
            .isEqualTo(mirrored());
        assertThat(get("/admin/config/display").get("published").asBoolean()).isTrue();
    }

    @Test
    void shouldNeverReplaceANewerStateInRedisWithAnOlderOne() throws Exception {
        post("/admin/config/display/releases", release(0, "Balance", null));
        ReleaseState first = mirrored();
        post("/admin/config/display/releases", release(1, "Wallet", null));

        assertThat(this.publisher.publish(first)).isFalse();

        assertThat(this.redis.opsForValue().get(ReleaseKeys.revision("display"))).isEqualTo("2");
        assertThat(this.redis.opsForValue().get(ReleaseKeys.state("display"))).contains("Wallet");
        assertThat(get("/admin/config/display").get("published").asBoolean()).isTrue();
        // Redis ahead of the MySQL record (restored from a backup) is not "published"
        this.redis.opsForValue().set(ReleaseKeys.revision("display"), "9");
        assertThat(get("/admin/config/display").get("published").asBoolean()).isFalse();
        assertThat(this.json.readTree(post("/admin/config/display/releases", release(2, "Purse", null)).body())
            .get("published")
            .asBoolean()).isFalse();
    }

    @Test
    void shouldBeReadByTheServicesFromRedisAndFromTheMirror() throws Exception {
        post("/admin/config/display/releases", release(0, "Balance", List.of(3L)));
        ReleaseState released = mirrored();
        RedisReleaseStates fromRedis = new RedisReleaseStates(this.redis, this.json);
        MirroredReleaseStates fromMirror = new MirroredReleaseStates(this.dataSource, this.json);

        assertThat(fromRedis.newerThan("display", 0)).contains(released);
        assertThat(fromMirror.newerThan("display", 0)).contains(released);
        assertThat(fromRedis.newerThan("display", 1)).isEmpty();
        assertThat(fromMirror.newerThan("display", 1)).isEmpty();
        assertThat(released.gray().config().at("/slots/0/name").asString()).isEqualTo("Balance");
    }

    @Test
    void shouldReleasePushLinesPullSettingsAndRefuseLinesThatDoNotPush() throws Exception {
        String cash = "{\"snapshotUrl\":\"http://10.0.0.7:8090/lines/cash\",\"batchSnapshots\":false,"
                + "\"rateLimitPerSecond\":200,\"timeoutMillis\":1500,\"maxConcurrency\":8}";

        HttpResponse<String> released = post("/admin/config/integration/releases",
                "{\"revision\":0,\"config\":{\"lines\":{\"cash\":" + cash + "}},\"whitelist\":[42]}");

        assertThat(released.statusCode()).as(released.body()).isEqualTo(201);
        JsonNode gray = this.json.readTree(released.body()).at("/state/gray");
        assertThat(gray.at("/config/lines/cash/snapshotUrl").asString()).isEqualTo("http://10.0.0.7:8090/lines/cash");
        assertThat(longs(gray.get("whitelist"))).containsExactly(42L);
        assertThat(this.redis.opsForValue().get(ReleaseKeys.revision("integration"))).isEqualTo("1");
        assertThat(this.redis.hasKey(ReleaseKeys.state("display"))).isFalse();

        HttpResponse<String> realtimeLine = post("/admin/config/integration/releases",
                "{\"revision\":1,\"config\":{\"lines\":{\"points\":" + cash + "}}}");
        assertThat(problem(realtimeLine, 400)).isEqualTo("unknown-business-line");
        assertThat(this.json.readTree(realtimeLine.body()).get("field").asString()).isEqualTo("config.lines[points]");
        assertField(post("/admin/config/integration/releases", "{\"revision\":1,\"config\":{\"lines\":{\"cash\":"
                + cash.replace("http://10.0.0.7", "ftp://10.0.0.7") + "}}}"), "snapshotUrl");
        assertField(
                post("/admin/config/integration/releases",
                        "{\"revision\":1,\"config\":{\"lines\":{\"cash\":"
                                + cash.replace("\"maxConcurrency\":8", "\"maxConcurrency\":0") + "}}}"),
                "maxConcurrency");
        assertThat(mirroredState("integration").revision()).isEqualTo(1);
    }

    private ReleaseState mirrored() {
        return mirroredState("display");
    }

    private ReleaseState mirroredState(String name) {
        return this.json.readValue(
                this.jdbc.sql("SELECT state FROM config_state WHERE name = ?").param(name).query(String.class).single(),
                ReleaseState.class);
    }

    private void assertField(HttpResponse<String> response, String field) {
        assertThat(problem(response, 400)).isEqualTo("validation");
        assertThat(response.body()).contains(field);
    }

    private String problem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        String type = this.json.readTree(response.body()).get("type").asString();
        return type.substring(type.lastIndexOf('/') + 1);
    }

    private static List<Long> longs(JsonNode array) {
        return array.valueStream().map(JsonNode::asLong).toList();
    }

    static String release(long revision, String firstSlotName, List<Long> whitelist) {
        return """
                {"revision":%d,"config":{"totalKinds":["cash","cashback"],"slots":[
                {"businessLine":"cash","kind":"cash","name":"%s","icon":"https://i/b.png","link":"wallet://lines/cash","measure":"sum","unit":"CNY"},
                {"businessLine":"cashback","kind":"cashback","name":"Cashback","icon":"https://i/c.png","link":"wallet://lines/cashback","measure":"sum","unit":"CNY"},
                {"businessLine":"coupons","kind":"coupon","name":"Coupons","icon":"https://i/d.png","link":"wallet://lines/coupons","measure":"count","unit":"CNY"},
                {"businessLine":"coins","kind":"virtual-currency","name":"Coins","icon":"https://i/e.png","link":"wallet://lines/coins","measure":"sum","unit":"COIN"}]}%s}
                """
            .formatted(revision, firstSlotName, (whitelist != null) ? ",\"whitelist\":" + whitelist : "");
    }

    private JsonNode get(String path) throws Exception {
        return this.json.readTree(send(HttpRequest.newBuilder(uri(path)).GET()).body());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> put(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return this.http.send(request.header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + this.port + path);
    }

}
