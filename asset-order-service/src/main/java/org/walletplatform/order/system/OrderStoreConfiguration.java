package org.walletplatform.order.system;

import java.time.Clock;

import javax.sql.DataSource;

import org.walletplatform.sharding.ShardingConfig;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/**
 * The order store: MySQL sharded by actID through ShardingSphere-JDBC, migrated shard by
 * shard from {@code db/order}.
 */
@Configuration(proxyBeanMethods = false)
class OrderStoreConfiguration {

    @Bean
    DataSource dataSource(OrderStoreProperties properties, ResourceLoader resources) {
        return ShardingConfig.dataSource(resources, properties.shardingConfig(),
                properties.migrate() ? "classpath:db/order" : null, properties.poolSize(),
                properties.connectionTimeout(), "order-sharded");
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

}
