package org.walletplatform.support.configrelease;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.walletplatform.support.configrelease.ReleasedConfig.Source;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ReleasedConfigTests {

    private static final Instant AT = Instant.parse("2026-12-07T10:00:00Z");

    private final JsonMapper json = JsonMapper.builder().build();

    private final Store redis = new Store();

    private final Store mirror = new Store();

    private final ReleasedConfig<Greeting> config = new ReleasedConfig<>("greeting", Greeting.class,
            new Greeting("built-in"), this.redis, this.mirror, this.json);

    @Test
    void shouldServeTheBuiltInConfigurationUntilAReleaseIsFound() {
        this.config.refresh();

        assertThat(this.config.forUser(7).text()).isEqualTo("built-in");
        assertThat(this.config.versionFor(7).version()).isZero();
        assertThat(this.config.source()).isEqualTo(Source.BUILT_IN);
        assertThat(this.config.revision()).isZero();
    }

    @Test
    void shouldServeTheGrayVersionToWhitelistedUsersOnlyAndTheStableOneToTheOthers() {
        this.redis.state = state(3, "stable", "gray", 11L, 7L, 42L);

        this.config.refresh();

        assertThat(this.config.forUser(7).text()).isEqualTo("gray");
        assertThat(this.config.forUser(42).text()).isEqualTo("gray");
        assertThat(this.config.forUser(8).text()).isEqualTo("stable");
        assertThat(this.config.versionFor(7).version()).isEqualTo(2);
        assertThat(this.config.versionFor(8).version()).isEqualTo(1);
        assertThat(this.config.source()).isEqualTo(Source.REDIS);
        assertThat(this.config.revision()).isEqualTo(3);
    }

    @Test
    void shouldAskOnlyForRevisionsNewerThanTheOneInForce() {
        this.redis.state = state(3, "stable", null);
        this.config.refresh();
        this.config.refresh();

        assertThat(this.redis.asked).containsExactly(0L, 3L);
    }

    @Test
    void shouldKeepTheBuiltInOneWhenAStateReleasesNothingYet() {
        this.redis.state = new ReleaseState("greeting", 2, null, null);

        this.config.refresh();

        assertThat(this.config.forUser(7).text()).isEqualTo("built-in");
        assertThat(this.config.revision()).isEqualTo(2);
    }

    @Test
    void shouldReadTheMirrorWhileRedisFailsAndKeepTheLastWhenBothFail() {
        this.redis.state = state(3, "from redis", null);
        this.config.refresh();
        this.redis.failing = true;
        this.mirror.state = state(4, "from the mirror", null);

        this.config.refresh();
        assertThat(this.config.forUser(7).text()).isEqualTo("from the mirror");
        assertThat(this.config.source()).isEqualTo(Source.MIRROR);
        assertThat(this.mirror.asked).containsExactly(3L);

        this.mirror.failing = true;
        this.config.refresh();
        assertThat(this.config.forUser(7).text()).isEqualTo("from the mirror");
        assertThat(this.config.revision()).isEqualTo(4);
    }

    @Test
    void shouldSayRedisServesAgainOnceItHoldsTheRevisionReadFromTheMirror() {
        this.redis.failing = true;
        this.mirror.state = state(4, "released", null);
        this.config.refresh();
        assertThat(this.config.source()).isEqualTo(Source.MIRROR);

        // back, but not yet republished: what is in force came from the mirror still
        this.redis.failing = false;
        this.redis.state = state(3, "older", null);
        this.config.refresh();
        assertThat(this.config.source()).isEqualTo(Source.MIRROR);
        assertThat(this.config.forUser(7).text()).isEqualTo("released");

        this.redis.state = state(4, "released", null);
        this.config.refresh();
        assertThat(this.config.source()).isEqualTo(Source.REDIS);
        assertThat(this.config.revision()).isEqualTo(4);

        this.config.refresh();
        assertThat(this.redis.asked).as("the same revision is read again once only").containsExactly(3L, 3L, 4L);
    }

    @Test
    void shouldNotAskTheMirrorWhileRedisAnswers() {
        this.mirror.state = state(9, "from the mirror", null);

        this.config.refresh();

        assertThat(this.mirror.asked).isEmpty();
        assertThat(this.config.source()).isEqualTo(Source.BUILT_IN);
    }

    @Test
    void shouldKeepTheConfigurationInForceWhenAReleaseDoesNotFitItsType() {
        this.redis.state = state(3, "good", null);
        this.config.refresh();
        this.redis.state = new ReleaseState("greeting", 4,
                new ReleaseState.Release(4, this.json.readTree("{\"text\":[1,2]}"), AT), null);

        this.config.refresh();

        assertThat(this.config.forUser(7).text()).isEqualTo("good");
        assertThat(this.config.revision()).isEqualTo(3);
    }

    @Test
    void shouldShowTheRevisionAndSourceAsGauges() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        this.config.bindTo(registry);
        this.redis.state = state(5, "stable", null);
        this.config.refresh();

        assertThat(registry.get(ReleasedConfig.REVISION_METRIC).tag("config", "greeting").gauge().value()).isEqualTo(5);
        assertThat(registry.get(ReleasedConfig.SOURCE_METRIC).tag("source", "redis").gauge().value()).isEqualTo(1);
        assertThat(registry.get(ReleasedConfig.SOURCE_METRIC).tag("source", "built-in").gauge().value()).isZero();
    }

    private ReleaseState state(long revision, String stable, String gray, Long... whitelist) {
        return new ReleaseState("greeting", revision,
                new ReleaseState.Release(1, this.json.valueToTree(new Greeting(stable)), AT),
                (gray != null)
                        ? new ReleaseState.Gray(2, this.json.valueToTree(new Greeting(gray)), List.of(whitelist), AT)
                        : null);
    }

    record Greeting(String text) {
    }

    /**
     * A store that answers as the readers' contract says: only a state newer than asked.
     */
    static final class Store implements ReleaseStateReader {

        ReleaseState state;

        boolean failing;

        final List<Long> asked = new ArrayList<>();

        @Override
        public Optional<ReleaseState> newerThan(String name, long revision) {
            if (this.failing) {
                throw new IllegalStateException("down");
            }
            this.asked.add(revision);
            return Optional.ofNullable(this.state).filter((s) -> s.revision() > revision);
        }

    }

}
