package org.walletplatform.e2e;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A display configuration released by ops through the gateway reaches the running read
 * service: a gray release changes the home entry of its whitelisted user only, and ending
 * it puts that user back; the change is recorded with the admin who made it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConfigReleaseE2EIT {

    private static final long GRAY_USER = 660_001;

    private static final long OTHER_USER = 660_002;

    private final JsonMapper json = JsonMapper.builder().build();

    private Platform platform;

    private String admin;

    @BeforeAll
    void start() {
        this.platform = Platform.shared();
        this.admin = this.platform.adminToken("ops-config-e2e");
    }

    @Test
    void shouldShowAGrayReleaseToItsWhitelistedUserOnlyUntilItEnds() {
        String before = firstSlotName(OTHER_USER);
        JsonNode state = json(admin("GET", "/admin/write/config/display", null)).get("state");
        long revision = state.get("revision").asLong();
        if (!state.get("gray").isNull()) { // left by an earlier run
            admin("POST", "/admin/write/config/display/gray/abort", "{\"revision\":" + revision++ + "}");
        }

        HttpResponse<String> released = admin("POST", "/admin/write/config/display/releases",
                release(revision, "Gray purse", GRAY_USER));

        assertThat(released.statusCode()).as(released.body()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10))
            .pollInterval(Duration.ofMillis(100))
            .until(() -> firstSlotName(GRAY_USER).equals("Gray purse"));
        assertThat(firstSlotName(OTHER_USER)).isEqualTo(before);

        HttpResponse<String> aborted = admin("POST", "/admin/write/config/display/gray/abort",
                "{\"revision\":" + (revision + 1) + "}");
        assertThat(aborted.statusCode()).as(aborted.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10))
            .pollInterval(Duration.ofMillis(100))
            .until(() -> firstSlotName(GRAY_USER).equals(before));
        JsonNode changes = json(admin("GET", "/admin/write/config/display/changes?limit=2", null));
        assertThat(changes.get(0).get("action").asString()).isEqualTo("abort");
        assertThat(changes.get(1).get("action").asString()).isEqualTo("gray-release");
        assertThat(changes.get(1).get("actor").asString()).isEqualTo("ops-config-e2e");
    }

    private String firstSlotName(long user) {
        HttpResponse<String> home = this.platform.getAs(this.platform.userToken(user), "/v1/wallet/me/home");
        assertThat(home.statusCode()).as(home.body()).isEqualTo(200);
        return json(home).at("/slots/0/name").asString();
    }

    private HttpResponse<String> admin(String method, String path, String body) {
        return this.platform.send(Platform.GATEWAY, method, path, this.admin, body);
    }

    private static String release(long revision, String firstSlotName, long grayUser) {
        return """
                {"revision":%d,"whitelist":[%d],"config":{"totalKinds":["cash"],"slots":[
                {"businessLine":"cash","kind":"cash","name":"%s","icon":"https://i/a.png","link":"wallet://lines/cash","measure":"sum","unit":"CNY"},
                {"businessLine":"cashback","kind":"cashback","name":"Cashback","icon":"https://i/b.png","link":"wallet://lines/cashback","measure":"sum","unit":"CNY"},
                {"businessLine":"coupons","kind":"coupon","name":"Coupons","icon":"https://i/c.png","link":"wallet://lines/coupons","measure":"count","unit":"CNY"},
                {"businessLine":"coins","kind":"virtual-currency","name":"Coins","icon":"https://i/d.png","link":"wallet://lines/coins","measure":"sum","unit":"COIN"}]}}
                """
            .formatted(revision, grayUser, firstSlotName);
    }

    private JsonNode json(HttpResponse<String> response) {
        return this.json.readTree(response.body());
    }

}
