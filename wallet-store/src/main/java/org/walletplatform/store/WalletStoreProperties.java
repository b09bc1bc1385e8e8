package org.walletplatform.store;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the wallet's data lives.
 *
 * @param shardingConfig the ShardingSphere YAML (one per profile) that names the physical
 * shards and the routing rule
 * @param migrate whether this instance creates the shard databases and migrates their
 * schema on start
 * @param poolSize connections to the sharded data source
 * @param connectionTimeout how long a request waits for one of them before it is answered
 * 503 (each shard's own pool has its {@code connectionTimeout} in the YAML)
 * @param cacheTtl how long a user's cached wallet lives in Redis without being refreshed
 */
@ConfigurationProperties("wallet.store")
public record WalletStoreProperties(@DefaultValue("classpath:sharding-default.yaml") String shardingConfig,
        @DefaultValue("true") boolean migrate, @DefaultValue("16") int poolSize,
        @DefaultValue("2s") Duration connectionTimeout, @DefaultValue("7d") Duration cacheTtl) {
}
