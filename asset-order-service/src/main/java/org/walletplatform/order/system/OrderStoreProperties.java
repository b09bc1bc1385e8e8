package org.walletplatform.order.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where orders live.
 *
 * @param shardingConfig the ShardingSphere YAML naming the order shards (sharded by
 * actID)
 * @param migrate whether this instance migrates the shards on start
 * @param poolSize connections to the sharded data source
 */
@ConfigurationProperties("order.store")
public record OrderStoreProperties(@DefaultValue("classpath:order-sharding-default.yaml") String shardingConfig,
        @DefaultValue("true") boolean migrate, @DefaultValue("16") int poolSize) {
}
