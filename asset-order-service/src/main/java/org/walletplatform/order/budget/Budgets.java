package org.walletplatform.order.budget;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.walletplatform.order.scene.Scene;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * This instance's budget shares, one per scene, leased under one lessee id (a fresh one
 * per start, so a restarted instance never spends what its predecessor leased). On a
 * clean shutdown the unspent rest goes back to the shared counters.
 */
@Component
public class Budgets {

    private static final Logger log = LoggerFactory.getLogger(Budgets.class);

    private final BudgetLedger ledger;

    private final String lessee;

    private final Map<String, SceneBudget> scenes = new ConcurrentHashMap<>();

    @Autowired
    Budgets(BudgetLedger ledger) {
        this(ledger, UUID.randomUUID().toString());
    }

    Budgets(BudgetLedger ledger, String lessee) {
        this.ledger = ledger;
        this.lessee = lessee;
    }

    public String lessee() {
        return this.lessee;
    }

    /**
     * Takes {@code amount} of the scene's budget for one order.
     * @throws StockLowException when the scene has not that much left above its reserve
     */
    public void take(Scene scene, long amount) {
        share(scene).take(amount);
    }

    /**
     * Returns an amount taken for an order that was not written (a replay, a failure).
     */
    public void putBack(Scene scene, long amount) {
        share(scene).putBack(amount);
    }

    @PreDestroy
    public void giveBackAll() {
        this.scenes.values().forEach((share) -> {
            try {
                share.giveBackRest();
            }
            catch (RuntimeException ex) {
                log.warn("Could not give back unspent budget; reconciliation will find it: {}", ex.toString());
            }
        });
    }

    private SceneBudget share(Scene scene) {
        return this.scenes.computeIfAbsent(scene.id(), (id) -> new SceneBudget(scene, this.lessee, this.ledger));
    }

}
