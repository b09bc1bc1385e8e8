package org.walletplatform.model.wallet;

import java.util.List;

import org.walletplatform.model.line.RealtimeContract;

/**
 * What the wallet answers for a real-time line.
 */
public final class RealtimeViews {

    private RealtimeViews() {
    }

    /**
     * @param stale true when the line failed and this is the last balance it gave
     * @param ageSeconds how old the balance is (0 when fresh)
     */
    public record BalanceView(long userId, String businessLine, long amountMinor, String unit, boolean stale,
            long ageSeconds) {
    }

    /**
     * One page of details with the summaries of the months its items fall in.
     */
    public record DetailsView(long userId, String businessLine, List<RealtimeContract.DetailItem> items,
            String nextCursor, List<RealtimeContract.MonthSummary> summaries) {
    }

}
