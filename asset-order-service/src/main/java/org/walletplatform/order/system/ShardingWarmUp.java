package org.walletplatform.order.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Runs one statement of each kind through ShardingSphere before the service takes
 * traffic: its SQL parser loads (and the JIT sees) thousands of generated classes on
 * first use, which took the first requests several seconds.
 */
@Component
class ShardingWarmUp implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ShardingWarmUp.class);

    private final JdbcTemplate jdbc;

    ShardingWarmUp(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        long started = System.nanoTime();
        this.jdbc.queryForList("SELECT order_no FROM reward_order WHERE act_id = 0 AND order_no = ''");
        this.jdbc.update("UPDATE reward_order SET state = state WHERE act_id = 0 AND order_no = ''");
        this.jdbc.update("DELETE FROM reward_order WHERE act_id = 0 AND order_no = ''");
        this.jdbc.queryForList("SELECT lease_id FROM budget_lease WHERE lease_id = ''");
        log.info("ShardingSphere warmed up in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

}
