package org.walletplatform.store.reshard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.LongStream;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.walletplatform.sharding.ShardLayout;
import org.walletplatform.sharding.ShardingConfig;
import org.walletplatform.sharding.reshard.ReshardMode;
import org.walletplatform.sharding.reshard.ReshardReport;
import org.walletplatform.store.snapshot.SnapshotStore;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Growing from 2 databases x 2 tables to 4 x 2 on real MariaDB (databases
 * {@code wallet_test_rs_0..3} of its own): the rows end where ShardingSphere on the new
 * layout looks for them, none is lost or lowered, and a second run has nothing to do.
 */
class SnapshotResharderIT {

    private static final String FROM = "classpath:reshard-2x2.yaml";

    private static final String TO = "classpath:reshard-4x2.yaml";

    private static final int USERS = 1_200;

    private static final List<String> LINES = List.of("cash", "coins");

    private final DefaultResourceLoader resources = new DefaultResourceLoader();

    private final JdbcTemplate server = new JdbcTemplate(
            new DriverManagerDataSource("jdbc:mariadb://127.0.0.1:3306/", "root", ""));

    private final SnapshotResharder resharder = new SnapshotResharder(layout(FROM), layout(TO));

    private final List<HikariDataSource> sharded = new ArrayList<>();

    @BeforeEach
    void seedTheOldLayout() {
        for (int db = 0; db < 4; db++) {
            this.server.execute("DROP DATABASE IF EXISTS wallet_test_rs_" + db);
        }
        JdbcTemplate old = sharded(FROM);
        for (long first = 1; first <= USERS; first += 200) {
            List<Object> args = new ArrayList<>();
            for (long user = first; user < first + 200; user++) {
                for (String line : LINES) {
                    args.addAll(List.of(user, line, 10, "[{\"amountMinor\":" + user + "}]", 1_000));
                }
            }
            old.update(SnapshotStore.versionGuardedUpsert(SnapshotStore.TABLE, args.size() / 5), args.toArray());
        }
    }

    @AfterEach
    void closePools() {
        this.sharded.forEach(HikariDataSource::close);
    }

    @Test
    void shouldMoveEveryRowWhereTheNewLayoutRoutesItOnce() throws Exception {
        long outOfPlace = LINES.size() * countUsersMoving();
        Map<String, Long> before = physicalCounts();

        ReshardReport check = this.resharder.run(ReshardMode.CHECK);
        assertThat(check.scanned()).isEqualTo(USERS * LINES.size());
        assertThat(check.misplaced()).isEqualTo(outOfPlace);
        assertThat(physicalCounts()).as("a check writes nothing").isEqualTo(before);

        // as ./wallet reshard does before a copy or a move
        ShardingConfig.load(this.resources.getResource(TO)).migrateShards("classpath:db/wallet");
        ReshardReport move = this.resharder.run(ReshardMode.MOVE);
        assertThat(move.misplaced()).isEqualTo(outOfPlace);
        assertThat(move.deleted()).isEqualTo(outOfPlace);
        assertEveryRowWhereTheNewLayoutRoutesIt();
        assertEveryUserReadsWholeThrough(TO, 10);

        ReshardReport again = this.resharder.run(ReshardMode.MOVE);
        assertThat(again.misplaced()).isZero();
        assertThat(again.copied()).isZero();
        assertThat(again.scanned()).isEqualTo(USERS * LINES.size());
    }

    @Test
    void shouldCopyLeavingTheOldLayoutWholeThenMoveWithoutLoweringANewerRow() throws Exception {
        long newer = firstMovingUser();
        JdbcTemplate target = sharded(TO);
        target.update(SnapshotStore.versionGuardedUpsert(SnapshotStore.TABLE, 1), newer, "cash", 12,
                "[{\"amountMinor\":-1}]", 2_000);

        this.resharder.run(ReshardMode.COPY);
        assertEveryUserReadsWholeThrough(FROM, 10);
        assertThat(target.queryForObject(
                "SELECT version FROM wallet_asset_snapshot WHERE user_id = ? AND" + " business_line = 'cash'",
                Long.class, newer))
            .as("the copy of version 10 did not lower the row at 12")
            .isEqualTo(12);

        this.resharder.run(ReshardMode.MOVE);
        assertEveryRowWhereTheNewLayoutRoutesIt();
        assertThat(target.queryForObject(
                "SELECT assets FROM wallet_asset_snapshot WHERE user_id = ? AND" + " business_line = 'cash'",
                String.class, newer))
            .contains("-1");
        assertThat(this.resharder.run(ReshardMode.CHECK).misplaced()).isZero();
    }

    /**
     * Counted apart from the tool: database {@code id % n}, table {@code (id / n) % 2}.
     */
    private static long countUsersMoving() {
        long moving = 0;
        for (long user = 1; user <= USERS; user++) {
            if (moves(user)) {
                moving++;
            }
        }
        return moving;
    }

    private static boolean moves(long user) {
        return user % 2 != user % 4 || (user / 2) % 2 != (user / 4) % 2;
    }

    private static long firstMovingUser() {
        long user = 1;
        while (!moves(user)) {
            user++;
        }
        return user;
    }

    private void assertEveryRowWhereTheNewLayoutRoutesIt() {
        long rows = 0;
        for (int db = 0; db < 4; db++) {
            for (int table = 0; table < 2; table++) {
                List<Long> users = this.server.queryForList(
                        "SELECT user_id FROM wallet_test_rs_" + db + ".wallet_asset_snapshot_" + table, Long.class);
                for (long user : users) {
                    assertThat(List.of(user % 4, (user / 4) % 2)).as("user %d", user)
                        .containsExactly((long) db, (long) table);
                }
                rows += users.size();
            }
        }
        assertThat(rows).isEqualTo(USERS * LINES.size());
    }

    private void assertEveryUserReadsWholeThrough(String yaml, long version) {
        JdbcTemplate through = sharded(yaml);
        Map<Long, Set<String>> linesByUser = new TreeMap<>();
        for (long first = 1; first <= USERS; first += 100) {
            // ShardingSphere sends the list to every table one of its ids routes to, so
            // a copy not yet cleaned up may come twice: SnapshotStore keeps the newer
            List<Long> ids = LongStream.range(first, first + 100).boxed().toList();
            through.query("SELECT user_id, business_line, version FROM wallet_asset_snapshot WHERE user_id IN ("
                    + String.join(",", Collections.nCopies(ids.size(), "?")) + ")", (row) -> {
                        assertThat(row.getLong(3)).isGreaterThanOrEqualTo(version);
                        linesByUser.computeIfAbsent(row.getLong(1), (u) -> new TreeSet<>()).add(row.getString(2));
                    }, ids.toArray());
        }
        assertThat(linesByUser).as("users read through %s", yaml).hasSize(USERS);
        assertThat(linesByUser.values()).as("lines of each user").containsOnly(new TreeSet<>(LINES));
    }

    /** Rows per physical table of the old layout (the new databases are not made yet). */
    private Map<String, Long> physicalCounts() {
        Map<String, Long> counts = new TreeMap<>();
        for (int db = 0; db < 2; db++) {
            for (int table = 0; table < 2; table++) {
                String name = "wallet_test_rs_" + db + ".wallet_asset_snapshot_" + table;
                counts.put(name, this.server.queryForObject("SELECT COUNT(*) FROM " + name, Long.class));
            }
        }
        return counts;
    }

    private JdbcTemplate sharded(String yaml) {
        HikariDataSource pool = (HikariDataSource) ShardingConfig.dataSource(this.resources, yaml,
                "classpath:db/wallet", 4, Duration.ofSeconds(2), "reshard-it");
        this.sharded.add(pool);
        return new JdbcTemplate(pool);
    }

    private ShardLayout layout(String yaml) {
        return ShardLayout.of(this.resources.getResource(yaml), SnapshotStore.TABLE);
    }

}
