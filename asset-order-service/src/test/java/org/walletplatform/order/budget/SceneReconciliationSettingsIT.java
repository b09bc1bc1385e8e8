package org.walletplatform.order.budget;

import org.junit.jupiter.api.Test;
import org.walletplatform.order.OrderServiceTest;
import org.walletplatform.order.scene.Scene;
import org.walletplatform.order.scene.Scenes;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scene's own reconciliation setting: a dead instance's lease of a scene with a long
 * grace stays while the same instance's lease of a scene on the default grace (1 s in
 * tests) is returned.
 */
@OrderServiceTest
class SceneReconciliationSettingsIT {

    @Autowired
    private BudgetReconciler reconciler;

    @Autowired
    private BudgetLedger ledger;

    @Autowired
    private Scenes scenes;

    @Test
    void shouldWaitTheScenesOwnGraceBeforeReturningItsLease() throws Exception {
        Scene patient = this.scenes.find("it-patient").orElseThrow();
        Scene ordinary = this.scenes.find("it-coupon").orElseThrow();
        String dead = "dead-" + System.nanoTime();
        this.ledger.lease(patient, dead, 1_000, 1);
        this.ledger.lease(ordinary, dead, 1_000, 1);

        this.reconciler.reconcile();
        Thread.sleep(1_100);
        BudgetReport report = this.reconciler.reconcile();

        assertThat(report.reclaimed()).filteredOn((reclaim) -> reclaim.lessee().equals(dead))
            .extracting(BudgetReport.Reclaim::sceneId)
            .containsExactly("it-coupon");
    }

}
