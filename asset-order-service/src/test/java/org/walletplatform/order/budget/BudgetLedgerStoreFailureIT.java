package org.walletplatform.order.budget;

import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.walletplatform.model.reward.AwardType;
import org.walletplatform.order.scene.Scene;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The shared budget counter (real Redis) and the lease records (real MySQL, behind a
 * template the test can make fail) while MySQL cannot take a record: a lease is granted
 * all the same and recorded once MySQL answers, exactly once even when a write that timed
 * out had landed, and by another instance when the one granted it stopped first; a return
 * MySQL never saw is not taken off the counter (reconciliation reclaims it once, from the
 * dead lessee's open lease).
 */
@SpringBootTest
@ActiveProfiles("test")
class BudgetLedgerStoreFailureIT {

    private static final long CHUNK = 5_000;

    @Autowired
    private StringRedisTemplate redis;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private LeaseTable table;

    @Test
    void aLeaseIsGrantedWhileMySqlIsDownAndRecordedOnceItAnswers() {
        Scene scene = scene();
        SwitchableJdbc mysql = new SwitchableJdbc(this.jdbc);
        BudgetLedger ledger = ledger(mysql);
        mysql.down = true;

        long first = ledger.lease(scene, "lessee-a", CHUNK, 1);
        long second = ledger.lease(scene, "lessee-a", CHUNK, 1);

        assertThat(first + second).isEqualTo(2 * CHUNK);
        assertThat(ledger.leasedInRedis(scene.id())).isEqualTo(2 * CHUNK);
        // the second lease did not wait for MySQL again
        assertThat(mysql.writes).isEqualTo(1);
        assertThat(ledger.recordPending()).isEqualTo(2);
        assertThat(this.table.openLeases()).noneMatch((lease) -> lease.sceneId().equals(scene.id()));

        mysql.down = false;

        assertThat(ledger.recordPending()).isZero();
        assertThat(this.table.openLeases()).filteredOn((lease) -> lease.sceneId().equals(scene.id()))
            .containsExactly(new LeaseTable.OpenLease(scene.id(), "lessee-a", 2 * CHUNK));
        assertThat(recordedInMysql(scene)).isEqualTo(2 * CHUNK);
    }

    @Test
    void aLeaseWhoseWriteTimedOutAfterLandingIsRecordedOnce() {
        Scene scene = scene();
        SwitchableJdbc mysql = new SwitchableJdbc(this.jdbc);
        mysql.timeOutAfterWriting = true;
        BudgetLedger ledger = ledger(mysql);

        long granted = ledger.lease(scene, "lessee-b", CHUNK, 1);
        mysql.timeOutAfterWriting = false;

        assertThat(ledger.recordPending()).isZero();
        assertThat(recordedInMysql(scene)).isEqualTo(granted);
        assertThat(ledger.leasedInRedis(scene.id())).isEqualTo(granted);
    }

    @Test
    void aReturnMySqlNeverSawIsNotTakenOffTheCounter() {
        Scene scene = scene();
        SwitchableJdbc mysql = new SwitchableJdbc(this.jdbc);
        BudgetLedger ledger = ledger(mysql);
        long granted = ledger.lease(scene, "lessee-c", CHUNK, 1);
        mysql.down = true;

        assertThatThrownBy(() -> ledger.giveBack(scene.id(), "lessee-c", granted))
            .isInstanceOf(TransientDataAccessResourceException.class);

        assertThat(ledger.leasedInRedis(scene.id())).isEqualTo(CHUNK);
        assertThat(this.table.openLeases()).contains(new LeaseTable.OpenLease(scene.id(), "lessee-c", CHUNK));
    }

    @Test
    void aGrantWhoseInstanceStoppedBeforeRecordingItIsRecordedByAnother() {
        Scene scene = scene();
        SwitchableJdbc mysql = new SwitchableJdbc(this.jdbc);
        mysql.down = true;
        long granted = ledger(mysql).lease(scene, "lessee-d", CHUNK, 1);
        // that instance is gone; another one knows the scene from its configuration
        BudgetLedger other = anotherInstanceConfiguredWith(scene);

        assertThat(other.recordPending()).isZero();

        assertThat(this.table.openLeases()).contains(new LeaseTable.OpenLease(scene.id(), "lessee-d", granted));
        assertThat(recordedInMysql(scene)).isEqualTo(granted);
        assertThat(other.recordPending()).isZero();
        assertThat(recordedInMysql(scene)).isEqualTo(granted);
    }

    @Test
    void parkedGrantsOfAnyInstanceCountWhenTheCounterIsReconciled() {
        Scene scene = scene();
        SwitchableJdbc mysql = new SwitchableJdbc(this.jdbc);
        BudgetLedger ledger = ledger(mysql);
        long recorded = ledger.lease(scene, "lessee-e", CHUNK, 1);
        mysql.down = true;
        long parked = ledger.lease(scene, "lessee-e", CHUNK, 1);
        BudgetLedger other = anotherInstanceConfiguredWith(scene);

        assertThat(recordedInMysql(scene)).isEqualTo(recorded);
        assertThat(other.accountedLeased()).containsEntry(scene.id(), recorded + parked);
        assertThat(other.leasedInRedis(scene.id())).isEqualTo(recorded + parked);
    }

    private BudgetLedger ledger(JdbcTemplate jdbc) {
        return new BudgetLedger(this.redis, new LeaseTable(jdbc), Clock.systemUTC(), List::of);
    }

    private BudgetLedger anotherInstanceConfiguredWith(Scene scene) {
        return new BudgetLedger(this.redis, this.table, Clock.systemUTC(), () -> List.of(scene.id()));
    }

    private long recordedInMysql(Scene scene) {
        Long net = this.jdbc.queryForObject(
                "SELECT SUM(amount_minor) FROM budget_lease WHERE scene_id = ? AND kind <> 'spent'", Long.class,
                scene.id());
        return (net != null) ? net : 0;
    }

    private static Scene scene() {
        return new Scene("ledger-failure-" + System.nanoTime(), AwardType.COUPON, 1_000_000, 100, 0, CHUNK, 0);
    }

    /**
     * The real template, or MySQL unreachable for writes (HikariCP's own failure), or a
     * write that lands and then times out.
     */
    private static final class SwitchableJdbc extends JdbcTemplate {

        volatile boolean down;

        volatile boolean timeOutAfterWriting;

        volatile int writes;

        SwitchableJdbc(JdbcTemplate real) {
            super(real.getDataSource());
        }

        @Override
        public int update(String sql, Object... args) {
            this.writes++;
            if (this.down) {
                throw new TransientDataAccessResourceException("insert",
                        new SQLTransientConnectionException("Connection is not available"));
            }
            int rows = super.update(sql, args);
            if (this.timeOutAfterWriting) {
                throw new QueryTimeoutException("insert timed out");
            }
            return rows;
        }

    }

}
