package org.walletplatform.store;

import javax.sql.DataSource;

import org.mybatis.spring.annotation.MapperScan;
import org.walletplatform.store.presence.PresenceProperties;
import org.walletplatform.store.reconcile.ReconciliationProperties;
import org.walletplatform.sharding.ShardingConfig;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/**
 * Wires the sharded data source (ShardingSphere-JDBC driver behind a Hikari pool), the
 * MyBatis-Plus mappers, the Redis cache, its reconciliation against MySQL, and the
 * presence journal and snapshots. A service imports this to use the wallet's store.
 * Shards are migrated before the sharded data source opens its first connection, because
 * ShardingSphere connects to every shard on start.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ WalletStoreProperties.class, PresenceProperties.class,
        ReconciliationProperties.class })
@MapperScan("org.walletplatform.store.snapshot")
@ComponentScan
public class WalletStoreConfiguration {

    @Bean
    DataSource dataSource(WalletStoreProperties properties, ResourceLoader resources) {
        return ShardingConfig.dataSource(resources, properties.shardingConfig(),
                properties.migrate() ? "classpath:db/wallet" : null, properties.poolSize(),
                properties.connectionTimeout(), "wallet-sharded");
    }

}
