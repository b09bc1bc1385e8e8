package org.walletplatform.read.home;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.walletplatform.model.config.DisplayConfig;
import org.walletplatform.read.CallCounting;
import org.walletplatform.support.configrelease.ReleaseKeys;
import org.walletplatform.support.configrelease.ReleaseState;
import org.walletplatform.support.configrelease.ReleasedConfig;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The home entry follows the display configuration released to Redis: a gray release's
 * whitelisted users see its version, everyone else the stable one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(CallCounting.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DisplayReleaseIT {

    private static final long GRAY_USER = 7_100_000_001L;

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Autowired
    private StringRedisTemplate redis;

    @Autowired
    private JsonMapper json;

    @Autowired
    private ReleasedConfig<DisplayConfig> released;

    @Autowired
    private DisplayProperties builtIn;

    @AfterEach
    void releaseNothing() {
        publish(new ReleaseState(ReleaseKeys.DISPLAY, this.released.revision() + 1, null, null));
    }

    /** Leaves Redis as the write service's tests expect it: nothing published. */
    @AfterAll
    void forgetTheReleases() {
        this.redis.delete(List.of(ReleaseKeys.state(ReleaseKeys.DISPLAY), ReleaseKeys.revision(ReleaseKeys.DISPLAY)));
    }

    @Test
    void shouldShowTheGrayVersionToItsWhitelistAndTheStableOneToEveryoneElse() throws Exception {
        Instant now = Instant.now();
        publish(new ReleaseState(ReleaseKeys.DISPLAY, this.released.revision() + 1,
                new ReleaseState.Release(1, this.json.valueToTree(named("Wallet")), now),
                new ReleaseState.Gray(2, this.json.valueToTree(named("Purse")), List.of(GRAY_USER), now)));

        assertThat(firstSlotName(GRAY_USER)).isEqualTo("Purse");
        assertThat(firstSlotName(GRAY_USER + 1)).isEqualTo("Wallet");
        assertThat(home(GRAY_USER).get("displayVersion").asLong()).isEqualTo(2);
        assertThat(home(GRAY_USER + 1).get("displayVersion").asLong()).isEqualTo(1);
        assertThat(this.released.source()).isEqualTo(ReleasedConfig.Source.REDIS);
    }

    @Test
    void shouldGoBackToTheBuiltInConfigurationWhenAStateReleasesNothing() throws Exception {
        publish(new ReleaseState(ReleaseKeys.DISPLAY, this.released.revision() + 1,
                new ReleaseState.Release(1, this.json.valueToTree(named("Wallet")), Instant.now()), null));
        assertThat(firstSlotName(GRAY_USER)).isEqualTo("Wallet");

        publish(new ReleaseState(ReleaseKeys.DISPLAY, this.released.revision() + 1, null, null));

        assertThat(firstSlotName(GRAY_USER)).isEqualTo(this.builtIn.slots().get(0).name());
        assertThat(home(GRAY_USER).get("displayVersion").asLong()).isZero();
    }

    private DisplayConfig named(String firstSlot) {
        DisplayConfig config = this.builtIn.builtIn();
        DisplayConfig.Slot first = config.slots().get(0);
        List<DisplayConfig.Slot> slots = new ArrayList<>(config.slots());
        slots.set(0, new DisplayConfig.Slot(first.businessLine(), first.kind(), firstSlot, first.icon(), first.link(),
                first.measure(), first.unit()));
        return new DisplayConfig(slots, config.totalKinds());
    }

    /**
     * Publishes as the write service does, and takes it now rather than at the next poll.
     */
    private void publish(ReleaseState state) {
        this.redis.opsForValue().set(ReleaseKeys.state(state.name()), this.json.writeValueAsString(state));
        this.redis.opsForValue().set(ReleaseKeys.revision(state.name()), Long.toString(state.revision()));
        this.released.refresh();
    }

    private String firstSlotName(long user) throws Exception {
        return home(user).at("/slots/0/name").asString();
    }

    private JsonNode home(long user) throws Exception {
        HttpResponse<String> response = this.http
            .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/v1/wallet/" + user + "/home"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return this.json.readTree(response.body());
    }

}
