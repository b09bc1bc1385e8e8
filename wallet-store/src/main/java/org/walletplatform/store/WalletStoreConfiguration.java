package org.walletplatform.store;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.apache.shardingsphere.driver.ShardingSphereDriver;
import org.mybatis.spring.annotation.MapperScan;
import org.walletplatform.store.presence.PresenceProperties;
import org.walletplatform.store.shard.ShardingConfig;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/**
 * Wires the sharded data source (ShardingSphere-JDBC driver behind a Hikari pool), the
 * MyBatis-Plus mappers, the Redis cache and the presence journal and snapshots. A service
 * imports this to use the wallet's store. Shards are migrated before the sharded data
 * source opens its first connection, because ShardingSphere connects to every shard on
 * start.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ WalletStoreProperties.class, PresenceProperties.class })
@MapperScan("org.walletplatform.store.snapshot")
@ComponentScan
public class WalletStoreConfiguration {

    @Bean
    DataSource dataSource(WalletStoreProperties properties, ResourceLoader resources) {
        ShardingConfig sharding = ShardingConfig.load(resources.getResource(properties.shardingConfig()));
        if (properties.migrate()) {
            sharding.migrateShards();
        }
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("wallet-sharded");
        pool.setDriverClassName(ShardingSphereDriver.class.getName());
        pool.setJdbcUrl("jdbc:shardingsphere:" + properties.shardingConfig());
        pool.setMaximumPoolSize(properties.poolSize());
        return pool;
    }

}
