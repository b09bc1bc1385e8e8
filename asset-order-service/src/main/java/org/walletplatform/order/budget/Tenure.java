package org.walletplatform.order.budget;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.walletplatform.order.scene.Scene;

/**
 * One lessee id and the scene shares leased under it. An instance gets a fresh tenure at
 * start and whenever its heartbeat lapsed (its old shares may be reclaimed by then, so
 * they are never spent again).
 */
final class Tenure {

    private final String lessee;

    private final BudgetLedger ledger;

    private final Map<String, SceneBudget> shares = new ConcurrentHashMap<>();

    /** Until when (System.nanoTime) this instance may spend the tenure's shares. */
    volatile long validUntilNanos;

    Tenure(String lessee, BudgetLedger ledger, long validUntilNanos) {
        this.lessee = lessee;
        this.ledger = ledger;
        this.validUntilNanos = validUntilNanos;
    }

    static String freshLessee() {
        return UUID.randomUUID().toString();
    }

    String lessee() {
        return this.lessee;
    }

    boolean valid() {
        return System.nanoTime() - this.validUntilNanos < 0;
    }

    SceneBudget share(Scene scene) {
        return this.shares.computeIfAbsent(scene.id(), (id) -> new SceneBudget(scene, this.lessee, this.ledger));
    }

    Iterable<SceneBudget> shares() {
        return this.shares.values();
    }

}
