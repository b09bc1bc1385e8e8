package org.walletplatform.order.scene;

import java.time.Duration;

import org.walletplatform.model.reward.AwardType;

/**
 * A scene: what one placement in an activity issues, and under which limits.
 *
 * @param id the scene id (part of every order number)
 * @param awardType the one reward type the scene issues
 * @param budgetMinor the scene's overall budget, in minor units of the reward
 * @param perTransactionLimitMinor the most one order may issue
 * @param reserveRatio issuance stops once the unleased stock would fall below this share
 * of the budget (0.10 by default)
 * @param leaseChunkMinor how much budget an instance leases from the shared counter at a
 * time; at least the per-transaction limit
 * @param ratePerSecond issuances this instance accepts per second for the scene (0: no
 * limit)
 * @param reconcileDeadGrace how long budget reconciliation waits after an instance died
 * before returning what it leased of this scene (null: {@code order.budget.dead-grace});
 * longer for scenes whose orders may be written late
 */
public record Scene(String id, AwardType awardType, long budgetMinor, long perTransactionLimitMinor,
        double reserveRatio, long leaseChunkMinor, int ratePerSecond, Duration reconcileDeadGrace) {

    public Scene {
        if (budgetMinor <= 0 || perTransactionLimitMinor <= 0 || leaseChunkMinor < perTransactionLimitMinor
                || reserveRatio < 0 || reserveRatio >= 1 || ratePerSecond < 0) {
            throw new IllegalArgumentException("Scene " + id + ": budget and limit must be positive, the lease chunk "
                    + "at least the per-transaction limit, and the reserve ratio in [0, 1)");
        }
    }

    /** A scene reconciled with the platform's default settings. */
    public Scene(String id, AwardType awardType, long budgetMinor, long perTransactionLimitMinor, double reserveRatio,
            long leaseChunkMinor, int ratePerSecond) {
        this(id, awardType, budgetMinor, perTransactionLimitMinor, reserveRatio, leaseChunkMinor, ratePerSecond, null);
    }

    /** The scene id a budget id belongs to (the budget id without its isolated phase). */
    public static String sceneOf(String budgetId) {
        int phase = budgetId.indexOf('~');
        return (phase < 0) ? budgetId : budgetId.substring(0, phase);
    }

    /**
     * The same scene for an isolated phase (internal testing): a budget of its own under
     * another id, so test issuance never touches the production budget.
     */
    public Scene forIsolatedPhase(String phase) {
        return new Scene(budgetId(this.id, phase), this.awardType, this.budgetMinor, this.perTransactionLimitMinor,
                this.reserveRatio, this.leaseChunkMinor, this.ratePerSecond, this.reconcileDeadGrace);
    }

    /**
     * The id of the budget a scene's order spends: the scene's own, or for an isolated
     * phase (non-null {@code isolatedPhase}) that phase's budget of the scene.
     */
    public static String budgetId(String sceneId, String isolatedPhase) {
        return (isolatedPhase != null) ? sceneId + "~" + isolatedPhase : sceneId;
    }

    /** The most that may ever be leased: the budget less the reserve. */
    public long leasableMinor() {
        return (long) Math.floor(this.budgetMinor * (1 - this.reserveRatio));
    }

}
