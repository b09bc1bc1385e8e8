package org.walletplatform.order.budget;

import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.walletplatform.model.reward.AwardType;
import org.walletplatform.order.scene.Scene;

import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The unspent rest goes back while Redis still runs: a give-back at bean destruction
 * found Redis's connection factory stopped, after MySQL had recorded the return, and the
 * counter kept the amount leased for good.
 */
class BudgetsLifecycleTests {

    private final Scene scene = new Scene("s", AwardType.CASH, 1_000_000, 100, 0, 1_000, 0);

    @Test
    void givesBackAfterTheWebServerDrainedAndBeforeRedisStops() {
        assertThat(Budgets.PHASE).isLessThan(WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE)
            .isGreaterThan(new LettuceConnectionFactory().getPhase());
    }

    @Test
    void stoppingRecordsPendingLeasesAndThenGivesTheRestBack() {
        BudgetLedger ledger = mock(BudgetLedger.class);
        when(ledger.lease(eq(this.scene), eq("lessee"), anyLong(), anyLong())).thenReturn(1_000L);
        Budgets budgets = new Budgets(ledger, "lessee");
        budgets.start();
        budgets.take(this.scene, 300);

        budgets.stop();

        InOrder order = inOrder(ledger);
        order.verify(ledger).recordPending();
        order.verify(ledger).giveBack("s", "lessee", 700);
        assertThat(budgets.isRunning()).isFalse();
    }

}
