package org.walletplatform.write.config;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.walletplatform.model.config.DisplayConfig;
import org.walletplatform.support.configrelease.MirroredReleaseStates;
import org.walletplatform.support.configrelease.RedisReleaseStates;
import org.walletplatform.support.configrelease.ReleaseKeys;
import org.walletplatform.support.configrelease.ReleaseReaderProperties;
import org.walletplatform.support.configrelease.ReleaseState;
import org.walletplatform.support.configrelease.ReleasedConfig;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How releases reach the services: published to Redis only over an older revision,
 * published again from the MySQL mirror to a Redis that lost them, and read by the
 * services' readers from Redis, or from the mirror when Redis cannot be reached.
 */
class ConfigReadersIT extends ConfigAdminIT {

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
    void shouldBeServedFromTheMirrorToAReaderThatCannotReachRedis() throws Exception {
        post("/admin/config/display/releases", release(0, "Balance", List.of(3L)));
        LettuceConnectionFactory unreachable = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration("127.0.0.1", 1));
        unreachable.afterPropertiesSet();
        DisplayConfig builtIn = new DisplayConfig(List.of(), List.of("cash"));
        ReleaseReaderProperties properties = new ReleaseReaderProperties(Duration.ofHours(1),
                new ReleaseReaderProperties.Mirror(this.mirrorUrl, "root", ""));

        try (ReleasedConfig<DisplayConfig> reader = ReleasedConfig.polling("display", DisplayConfig.class, builtIn,
                properties, new StringRedisTemplate(unreachable), this.json, new SimpleMeterRegistry())) {
            assertThat(reader.source()).isEqualTo(ReleasedConfig.Source.MIRROR);
            assertThat(reader.revision()).isEqualTo(1);
            assertThat(reader.forUser(3).slots().get(0).name()).isEqualTo("Balance");
            assertThat(reader.forUser(4)).isSameAs(builtIn);
        }
        finally {
            unreachable.destroy();
        }
    }

}
