package org.walletplatform.order.system;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where orders live.
 *
 * @param shardingConfig the ShardingSphere YAML naming the order shards (sharded by
 * actID)
 * @param migrate whether this instance migrates the shards on start
 * @param poolSize connections to the sharded data source
 * @param connectionTimeout how long a request waits for one of them before it is answered
 * 503 (each shard's own pool has its {@code connectionTimeout} in the YAML)
 */
@ConfigurationProperties("order.store")
public record OrderStoreProperties(@DefaultValue("classpath:order-sharding-default.yaml") String shardingConfig,
        @DefaultValue("true") boolean migrate, @DefaultValue("16") int poolSize,
        @DefaultValue("2s") Duration connectionTimeout) {
}
