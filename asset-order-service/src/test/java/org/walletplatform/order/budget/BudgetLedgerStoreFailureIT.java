package org.walletplatform.order.budget;

import java.sql.SQLTransientConnectionException;
import java.time.Clock;

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
 * The shared budget counter (real Redis) when MySQL cannot record a lease or a return: a
 * grant never recorded goes back to the counter, one that may have been recorded stays
 * counted, and a return never recorded is not taken off the counter (reconciliation
 * reclaims it once, from the dead lessee's open lease).
 */
@SpringBootTest
@ActiveProfiles("test")
class BudgetLedgerStoreFailureIT {

    private static final long CHUNK = 5_000;

    @Autowired
    private StringRedisTemplate redis;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void aLeaseMySqlNeverSawGoesBackToTheCounter() {
        Scene scene = scene();
        BudgetLedger ledger = ledger(failingWith(new TransientDataAccessResourceException("insert",
                new SQLTransientConnectionException("Connection is not available"))));

        assertThatThrownBy(() -> ledger.lease(scene, "lessee-a", CHUNK, 1))
            .isInstanceOf(TransientDataAccessResourceException.class);

        assertThat(ledger.leasedInRedis(scene.id())).isZero();
    }

    @Test
    void aLeaseThatMayHaveBeenRecordedStaysCounted() {
        Scene scene = scene();
        BudgetLedger ledger = ledger(failingWith(new QueryTimeoutException("insert timed out")));

        assertThatThrownBy(() -> ledger.lease(scene, "lessee-b", CHUNK, 1)).isInstanceOf(QueryTimeoutException.class);

        assertThat(ledger.leasedInRedis(scene.id())).isEqualTo(CHUNK);
    }

    @Test
    void aReturnMySqlNeverSawIsNotTakenOffTheCounter() {
        Scene scene = scene();
        BudgetLedger recording = ledger(this.jdbc);
        long granted = recording.lease(scene, "lessee-c", CHUNK, 1);
        BudgetLedger failing = ledger(failingWith(new TransientDataAccessResourceException("insert",
                new SQLTransientConnectionException("Connection is not available"))));

        assertThatThrownBy(() -> failing.giveBack(scene.id(), "lessee-c", granted))
            .isInstanceOf(TransientDataAccessResourceException.class);

        assertThat(granted).isEqualTo(CHUNK);
        assertThat(recording.leasedInRedis(scene.id())).isEqualTo(CHUNK);
        assertThat(recording.openLeases()).contains(new BudgetLedger.OpenLease(scene.id(), "lessee-c", CHUNK));
    }

    private BudgetLedger ledger(JdbcTemplate jdbc) {
        return new BudgetLedger(this.redis, jdbc, Clock.systemUTC());
    }

    private static Scene scene() {
        return new Scene("ledger-failure-" + System.nanoTime(), AwardType.COUPON, 1_000_000, 100, 0, CHUNK, 0);
    }

    private static JdbcTemplate failingWith(RuntimeException failure) {
        return new JdbcTemplate() {

            @Override
            public int update(String sql, Object... args) {
                throw failure;
            }

        };
    }

}
