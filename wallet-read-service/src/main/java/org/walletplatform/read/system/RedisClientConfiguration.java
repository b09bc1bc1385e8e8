package org.walletplatform.read.system;

import io.lettuce.core.ClientOptions;

import org.springframework.boot.data.redis.autoconfigure.LettuceClientConfigurationBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * While Redis is disconnected, Lettuce fails commands at once instead of queueing them
 * until the reconnect: a read must fall back to MySQL now, not after the command timeout.
 * The rest of the options stay as Spring Boot made them (on a Redis Cluster, its topology
 * refresh).
 */
@Configuration(proxyBeanMethods = false)
class RedisClientConfiguration {

    @Bean
    LettuceClientConfigurationBuilderCustomizer rejectWhileDisconnected() {
        return (builder) -> builder.clientOptions(builder.build()
            .getClientOptions()
            .map(ClientOptions::mutate)
            .orElseGet(ClientOptions::builder)
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .build());
    }

}
