package org.walletplatform.model.wallet;

import java.util.List;

/**
 * The wallet's entry on the home page, as {@code GET /v1/wallet/{userId}/home} returns
 * it: the four configurable quick-access slots with the user's amounts, and totals per
 * unit.
 *
 * @param degraded true when the amounts came straight from the database because the cache
 * was unavailable
 * @param displayVersion the released display configuration the entry was built from (a
 * gray release's for its users), 0 for the built-in one
 */
public record HomeView(long userId, List<Slot> slots, List<Total> totals, boolean degraded, long displayVersion) {

    /**
     * One quick-access slot.
     *
     * @param position 1 to 4, left to right
     * @param measure {@code sum} (amounts added, in minor units of {@code unit}) or
     * {@code count} (number of assets, such as coupons)
     * @param value the user's amount or count; 0 when the user holds none
     */
    public record Slot(int position, String businessLine, String kind, String name, String icon, String link,
            String measure, String unit, long value) {
    }

    /** The sum, in minor units, of the assets of one unit that count toward the total. */
    public record Total(String unit, long amountMinor) {
    }

}
