package org.walletplatform.write.config;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.walletplatform.support.configrelease.ReleaseKeys;
import org.walletplatform.support.configrelease.ReleaseState;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Configuration releases over real HTTP, on the real MySQL mirror and Redis: full and
 * gray releases, whitelist changes, promotion, abort and rollback; revisions that guard
 * against stale decisions while a retried request answers as the first time; bad input
 * refused with nothing stored.
 */
class ConfigReleaseIT extends ConfigAdminIT {

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
    void shouldReleaseHowLinesAreCalledAndRefuseALineInTheWrongMode() throws Exception {
        String cash = "{\"snapshotUrl\":\"http://10.0.0.7:8090/lines/cash\",\"batchSnapshots\":false,"
                + "\"rateLimitPerSecond\":200,\"timeoutMillis\":1500,\"maxConcurrency\":8}";
        String points = "{\"queryUrl\":\"http://10.0.0.8/lines/points\",\"timeoutMillis\":500,\"maxConcurrent\":4}";

        HttpResponse<String> released = post("/admin/config/integration/releases",
                "{\"revision\":0,\"config\":{" + "\"pushLines\":{\"cash\":" + cash + "},\"realtimeLines\":{\"points\":"
                        + points + "}},\"whitelist\":[42]}");

        assertThat(released.statusCode()).as(released.body()).isEqualTo(201);
        JsonNode gray = this.json.readTree(released.body()).at("/state/gray");
        assertThat(gray.at("/config/pushLines/cash/snapshotUrl").asString())
            .isEqualTo("http://10.0.0.7:8090/lines/cash");
        assertThat(gray.at("/config/realtimeLines/points/queryUrl").asString())
            .isEqualTo("http://10.0.0.8/lines/points");
        assertThat(longs(gray.get("whitelist"))).containsExactly(42L);
        assertThat(this.redis.opsForValue().get(ReleaseKeys.revision("integration"))).isEqualTo("1");
        assertThat(this.redis.hasKey(ReleaseKeys.state("display"))).isFalse();

        HttpResponse<String> realtimeLine = post("/admin/config/integration/releases",
                "{\"revision\":1,\"config\":{\"pushLines\":{\"points\":" + cash + "}}}");
        assertThat(problem(realtimeLine, 400)).isEqualTo("unknown-business-line");
        assertThat(this.json.readTree(realtimeLine.body()).get("field").asString())
            .isEqualTo("config.pushLines[points]");
        HttpResponse<String> pushLine = post("/admin/config/integration/releases",
                "{\"revision\":1,\"config\":{\"realtimeLines\":{\"coins\":" + points + "}}}");
        assertThat(problem(pushLine, 400)).isEqualTo("unknown-business-line");
        assertThat(this.json.readTree(pushLine.body()).get("field").asString())
            .isEqualTo("config.realtimeLines[coins]");
        assertField(post("/admin/config/integration/releases", "{\"revision\":1,\"config\":{\"pushLines\":{\"cash\":"
                + cash.replace("http://10.0.0.7", "ftp://10.0.0.7") + "}}}"), "snapshotUrl");
        assertField(
                post("/admin/config/integration/releases",
                        "{\"revision\":1,\"config\":{\"pushLines\":{\"cash\":"
                                + cash.replace("\"maxConcurrency\":8", "\"maxConcurrency\":0") + "}}}"),
                "maxConcurrency");
        assertThat(mirroredState("integration").revision()).isEqualTo(1);
    }

}
