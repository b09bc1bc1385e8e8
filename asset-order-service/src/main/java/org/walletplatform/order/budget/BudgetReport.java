package org.walletplatform.order.budget;

import java.time.Instant;
import java.util.List;

/**
 * What one budget reconciliation found.
 *
 * @param reclaimed unspent leases of dead lessees returned to their scenes' budgets
 * @param mismatches what does not add up and needs a person: a lessee that issued more
 * than it leased, or a scene whose Redis counter disagrees with the recorded leases
 */
public record BudgetReport(Instant ranAt, List<Reclaim> reclaimed, List<Mismatch> mismatches) {

    /** Budget returned from a dead lessee. */
    public record Reclaim(String sceneId, String lessee, long leasedMinor, long issuedMinor, long reclaimedMinor) {

    }

    /**
     * Something that does not add up.
     *
     * @param kind {@code issued-above-lease} (a lessee's orders exceed its leases) or
     * {@code counter-differs} (Redis counts {@code expectedMinor}, MySQL records
     * {@code actualMinor}: a lease granted in Redis whose record failed)
     */
    public record Mismatch(String kind, String sceneId, String lessee, long expectedMinor, long actualMinor) {

    }

}
