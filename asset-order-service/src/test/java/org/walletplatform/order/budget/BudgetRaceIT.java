package org.walletplatform.order.budget;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.walletplatform.model.reward.AwardType;
import org.walletplatform.order.scene.Scene;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Four issuing instances race for one scene's budget through the real Redis counter and
 * the MySQL lease records; one dies mid-run holding an unspent lease. The budget is never
 * exceeded, and what was issued is exactly the budget less what the dead instance held.
 */
@SpringBootTest
@ActiveProfiles("test")
class BudgetRaceIT {

    private static final long BUDGET = 200_000;

    @Autowired
    private BudgetLedger ledger;

    @Autowired
    private StringRedisTemplate redis;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void shouldNeverExceedTheBudgetAndLoseOnlyWhatADeadInstanceHeld() throws Exception {
        String sceneId = "race-" + System.nanoTime();
        Scene scene = new Scene(sceneId, AwardType.COUPON, BUDGET, 100, 0, 1_000, 0);
        List<Budgets> instances = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            instances.add(new Budgets(this.ledger, sceneId + "-instance-" + i));
        }
        AtomicLong[] issued = { new AtomicLong(), new AtomicLong(), new AtomicLong(), new AtomicLong() };
        AtomicBoolean deadStopped = new AtomicBoolean();

        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int instance = t % 4;
                long seed = t;
                runs.add(threads.submit(() -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    boolean scraping = false;
                    while (true) {
                        if (instance == 3 && issued[3].get() > BUDGET / 10) {
                            deadStopped.set(true);
                            return; // the instance dies: its unspent lease is never given
                                    // back
                        }
                        // once the stock runs low, take single units until nothing is
                        // left at all
                        long amount = scraping ? 1 : random.nextLong(1, 101);
                        try {
                            instances.get(instance).take(scene, amount);
                        }
                        catch (StockLowException ex) {
                            if (scraping) {
                                return;
                            }
                            scraping = true;
                            continue;
                        }
                        issued[instance].addAndGet(amount);
                    }
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        }
        for (int i = 0; i < 3; i++) {
            instances.get(i).giveBackAll(); // the living shut down cleanly
        }

        long total = issued[0].get() + issued[1].get() + issued[2].get() + issued[3].get();
        long leasedByDead = netLeased(sceneId + "-instance-3");
        long lostWithTheDead = leasedByDead - issued[3].get();
        assertThat(deadStopped).isTrue();
        assertThat(total).isLessThanOrEqualTo(BUDGET);
        assertThat(lostWithTheDead).isPositive();
        assertThat(total).isEqualTo(BUDGET - lostWithTheDead);
        for (int i = 0; i < 3; i++) {
            assertThat(netLeased(sceneId + "-instance-" + i)).as("instance %d", i).isEqualTo(issued[i].get());
        }
        Object leasedInRedis = this.redis.opsForHash().get(BudgetLedger.key(sceneId), "leased");
        assertThat(Long.parseLong(leasedInRedis.toString())).isEqualTo(total + lostWithTheDead);
    }

    private long netLeased(String lessee) {
        Long net = this.jdbc.queryForObject("SELECT COALESCE(SUM(amount_minor), 0) FROM budget_lease WHERE lessee = ?",
                Long.class, lessee);
        return (net != null) ? net : 0;
    }

}
