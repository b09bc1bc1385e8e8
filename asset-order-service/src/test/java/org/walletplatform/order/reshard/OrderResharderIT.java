package org.walletplatform.order.reshard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.walletplatform.sharding.ShardLayout;
import org.walletplatform.sharding.ShardingConfig;
import org.walletplatform.sharding.reshard.FrozenRows;
import org.walletplatform.sharding.reshard.ReshardMode;
import org.walletplatform.sharding.reshard.ReshardReport;
import org.walletplatform.sharding.reshard.TableResharder;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order center's tables grown from 2 databases x 2 tables to 4 x 2 on real MariaDB
 * (databases {@code order_test_rs_0..3} of its own, the service's own migrations): every
 * row ends where ShardingSphere on the new layout looks for it, identical in every
 * column; a row whose key another, different row holds at its new place stays where it
 * was; a second run has nothing to do.
 */
class OrderResharderIT {

    private static final String FROM = "classpath:order-reshard-2x2.yaml";

    private static final String TO = "classpath:order-reshard-4x2.yaml";

    private static final List<String> TABLES = List.of("reward_order", "rp_account", "rp_entry", "withdrawal");

    private static final Map<String, String> KEYS = Map.of("reward_order", "order_no", "rp_account", "act_id",
            "rp_entry", "entry_no", "withdrawal", "act_id, withdrawal_no");

    private static final int ACCOUNTS = 300;

    private final DefaultResourceLoader resources = new DefaultResourceLoader();

    private final JdbcTemplate server = new JdbcTemplate(
            new DriverManagerDataSource("jdbc:mariadb://127.0.0.1:3306/", "root", ""));

    private final List<HikariDataSource> pools = new ArrayList<>();

    @BeforeEach
    void seedTheOldLayout() {
        for (int db = 0; db < 4; db++) {
            this.server.execute("DROP DATABASE IF EXISTS order_test_rs_" + db);
        }
        JdbcTemplate old = sharded(FROM);
        for (long act = 1; act <= ACCOUNTS; act++) {
            old.update("INSERT INTO reward_order (order_no, act_id, activity_id, scene_id, rain_id, award_type, stage,"
                    + " amount_minor, payload, request_hash, state, lessee, created_at_ms, updated_at_ms, app_id, token,"
                    + " phase) VALUES (?, ?, 'gala', 's', 'r', 'cash', 1, ?, ?, ?, 'SETTLED', 'lessee', ?, ?, ?, ?,"
                    + " 'production')", act + "_s_r_cash_1", act, act * 10, "{\"amountMinor\":" + act * 10 + "}",
                    "%064d".formatted(act), act, act + 1, (act % 2 == 0) ? "app" : null,
                    (act % 3 == 0) ? null : "token-" + act);
            old.update("INSERT INTO rp_account (act_id, balance_minor, income_minor, version, updated_at_ms)"
                    + " VALUES (?, ?, ?, 2, ?)", act, act * 10 - 1, act * 10, act);
            for (int version = 1; version <= 2; version++) {
                old.update(
                        "INSERT INTO rp_entry (entry_no, act_id, kind, amount_minor, balance_after, version,"
                                + " created_at_ms) VALUES (?, ?, 'settle', ?, ?, ?, ?)",
                        act + "-e" + version, act, act, act * version, version, act);
            }
            if (act % 3 == 0) {
                old.update(
                        "INSERT INTO withdrawal (act_id, withdrawal_no, amount_minor, state, request_hash,"
                                + " created_at_ms, updated_at_ms) VALUES (?, 'w1', 1, 'PAID', ?, ?, ?)",
                        act, "%064d".formatted(act), act, act);
            }
        }
    }

    @AfterEach
    void closePools() {
        this.pools.forEach(HikariDataSource::close);
    }

    @Test
    void shouldMoveEveryRowWhereTheNewLayoutRoutesItIdenticalInEveryColumn() throws Exception {
        Map<String, List<Map<String, Object>>> before = everyRowThrough(FROM);
        long moving = countAccountsMoving();
        // per moving account: an order, an account row, two entries, and a withdrawal
        // for every third
        long outOfPlace = 4 * moving + movingWithWithdrawals();

        ReshardReport check = run(ReshardMode.CHECK);
        assertThat(check.misplaced()).isEqualTo(outOfPlace);
        assertThat(check.copied()).isZero();

        ShardingConfig.load(this.resources.getResource(TO)).migrateShards("classpath:db/order");
        ReshardReport move = run(ReshardMode.MOVE);
        assertThat(move.misplaced()).isEqualTo(outOfPlace);
        assertThat(move.deleted()).isEqualTo(outOfPlace);
        assertThat(move.conflicting()).isZero();
        assertEveryRowWhereTheNewLayoutRoutesIt();
        assertThat(everyRowThrough(TO)).as("every row, read through the new layout").isEqualTo(before);

        ReshardReport again = run(ReshardMode.MOVE);
        assertThat(again.misplaced()).isZero();
        assertThat(again.copied()).isZero();
        assertThat(again.scanned()).isEqualTo(check.scanned());
    }

    @Test
    void shouldLeaveARowWhoseKeyADifferentRowHoldsAtItsNewPlace() throws Exception {
        long act = firstMovingAccount();
        ShardingConfig.load(this.resources.getResource(TO)).migrateShards("classpath:db/order");
        sharded(TO).update("INSERT INTO rp_account (act_id, balance_minor, income_minor, version, updated_at_ms)"
                + " VALUES (?, 1, 1, 1, 1)", act);

        ReshardReport move = run(ReshardMode.MOVE);

        assertThat(move.conflicting()).isEqualTo(1);
        assertThat(move.leftOutOfPlace(ReshardMode.MOVE)).isEqualTo(1);
        assertThat(this.server.queryForObject("SELECT balance_minor FROM order_test_rs_" + (act % 2) + ".rp_account_"
                + ((act / 2) % 2) + " WHERE act_id = ?", Long.class, act))
            .as("the original stays where it was")
            .isEqualTo(act * 10 - 1);
        assertThat(this.server.queryForObject("SELECT balance_minor FROM order_test_rs_" + (act % 4) + ".rp_account_"
                + ((act / 4) % 2) + " WHERE act_id = ?", Long.class, act))
            .as("the row at its new place is not overwritten")
            .isEqualTo(1);
        assertThat(run(ReshardMode.CHECK).misplaced()).isEqualTo(1);
    }

    private ReshardReport run(ReshardMode mode) throws Exception {
        ReshardReport total = ReshardReport.NONE;
        for (String table : ShardLayout.shardedTables(this.resources.getResource(TO))) {
            total = total.plus(new TableResharder(ShardLayout.of(this.resources.getResource(FROM), table),
                    ShardLayout.of(this.resources.getResource(TO), table), new FrozenRows())
                .run(mode));
        }
        return total;
    }

    /**
     * Counted apart from the tool: database {@code id % n}, table {@code (id / n) % 2}.
     */
    private static boolean moves(long act) {
        return act % 2 != act % 4 || (act / 2) % 2 != (act / 4) % 2;
    }

    private static long countAccountsMoving() {
        long moving = 0;
        for (long act = 1; act <= ACCOUNTS; act++) {
            moving += moves(act) ? 1 : 0;
        }
        return moving;
    }

    private static long movingWithWithdrawals() {
        long moving = 0;
        for (long act = 3; act <= ACCOUNTS; act += 3) {
            moving += moves(act) ? 1 : 0;
        }
        return moving;
    }

    private static long firstMovingAccount() {
        long act = 1;
        while (!moves(act)) {
            act++;
        }
        return act;
    }

    private void assertEveryRowWhereTheNewLayoutRoutesIt() {
        for (String table : TABLES) {
            for (int db = 0; db < 4; db++) {
                for (int t = 0; t < 2; t++) {
                    for (long act : this.server
                        .queryForList("SELECT act_id FROM order_test_rs_" + db + "." + table + "_" + t, Long.class)) {
                        assertThat(List.of(act % 4, (act / 4) % 2)).as("%s of account %d", table, act)
                            .containsExactly((long) db, (long) t);
                    }
                }
            }
        }
    }

    private Map<String, List<Map<String, Object>>> everyRowThrough(String yaml) {
        JdbcTemplate through = sharded(yaml);
        Map<String, List<Map<String, Object>>> rows = new TreeMap<>();
        for (String table : TABLES) {
            rows.put(table, through.queryForList("SELECT * FROM " + table + " ORDER BY " + KEYS.get(table)));
        }
        return rows;
    }

    private JdbcTemplate sharded(String yaml) {
        HikariDataSource pool = (HikariDataSource) ShardingConfig.dataSource(this.resources, yaml, "classpath:db/order",
                4, Duration.ofSeconds(2), "order-reshard-it");
        this.pools.add(pool);
        return new JdbcTemplate(pool);
    }

}
