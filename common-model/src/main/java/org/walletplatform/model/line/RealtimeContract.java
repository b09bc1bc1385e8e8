package org.walletplatform.model.line;

import java.time.Instant;
import java.util.List;

/**
 * The real-time query contract of lines that do not push (integration mode
 * {@code realtime}), relative to the line's {@code query-url}: a balance, a
 * cursor-paginated detail list, and monthly summaries (see
 * docs/business-line-contract.md). Amounts are in minor units; detail amounts are signed
 * (income positive).
 */
public final class RealtimeContract {

    public static final String BALANCE = "/v1/balances/{userId}";

    /** Query parameters {@code cursor} (absent for the first page) and {@code limit}. */
    public static final String DETAILS = "/v1/details/{userId}";

    /** {@code month} as {@code YYYY-MM}, in UTC. */
    public static final String SUMMARY = "/v1/summaries/{userId}/{month}";

    private RealtimeContract() {
    }

    public record Balance(long userId, String businessLine, long amountMinor, String unit) {
    }

    public record DetailItem(String id, Instant occurredAt, long amountMinor, String description) {
    }

    /**
     * @param nextCursor null on the last page
     */
    public record DetailPage(List<DetailItem> items, String nextCursor) {
    }

    public record MonthSummary(String month, long incomeMinor, long expenseMinor, int count) {
    }

}
