package org.walletplatform.read.system;

import java.time.Duration;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration.LettuceClientConfigurationBuilder;

import static org.assertj.core.api.Assertions.assertThat;

class RedisClientConfigurationTests {

    @Test
    void rejectsCommandsWhileDisconnectedAndKeepsTheClusterOptionsSpringBootMade() {
        ClusterTopologyRefreshOptions refresh = ClusterTopologyRefreshOptions.builder()
            .enablePeriodicRefresh(Duration.ofSeconds(30))
            .build();
        LettuceClientConfigurationBuilder builder = LettuceClientConfiguration.builder()
            .clientOptions(ClusterClientOptions.builder().topologyRefreshOptions(refresh).build());

        new RedisClientConfiguration().rejectWhileDisconnected().customize(builder);

        ClientOptions options = builder.build().getClientOptions().orElseThrow();
        assertThat(options.getDisconnectedBehavior()).isEqualTo(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
        assertThat(options).isInstanceOfSatisfying(ClusterClientOptions.class,
                (cluster) -> assertThat(cluster.getTopologyRefreshOptions().getRefreshPeriod())
                    .isEqualTo(Duration.ofSeconds(30)));
    }

    @Test
    void rejectsCommandsWhileDisconnectedOnOneRedis() {
        LettuceClientConfigurationBuilder builder = LettuceClientConfiguration.builder();

        new RedisClientConfiguration().rejectWhileDisconnected().customize(builder);

        assertThat(builder.build().getClientOptions().orElseThrow().getDisconnectedBehavior())
            .isEqualTo(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }

}
