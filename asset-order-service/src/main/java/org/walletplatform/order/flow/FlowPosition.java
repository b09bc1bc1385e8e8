package org.walletplatform.order.flow;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;

/**
 * A place in the flow. The flow is ordered by (time, source, id), newest first, a total
 * order across sources, so a cursor (the last position a page showed) names exactly where
 * the next page starts, whatever arrives meanwhile: anything new is newer than the cursor
 * and shows on a fresh first page, never in the middle of later ones.
 */
record FlowPosition(long atMs, String source, String id) {

    /** Newest first. */
    static final Comparator<FlowItem> NEWEST_FIRST = Comparator.comparing(FlowItem::position,
            Comparator.comparingLong(FlowPosition::atMs)
                .thenComparing(FlowPosition::source)
                .thenComparing(FlowPosition::id)
                .reversed());

    /**
     * Greater than every id any source hands out (ids are letters, digits and
     * {@code -_:}), in Java's order and in MySQL's binary collation alike.
     */
    private static final String AFTER_EVERY_ID = "~";

    /**
     * The bound for {@code source}'s items after this position: they are those with time
     * before {@code atMs}, or at {@code atMs} with an id below {@code idBelow}.
     */
    Bound boundFor(String itemSource) {
        int order = itemSource.compareTo(this.source);
        String idBelow = (order < 0) ? AFTER_EVERY_ID : (order == 0) ? this.id : "";
        return new Bound(this.atMs, idBelow);
    }

    String encode() {
        return Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString((this.atMs + "|" + this.source + "|" + this.id).getBytes(StandardCharsets.UTF_8));
    }

    /** The position a cursor names; empty input is the start. */
    static FlowPosition decode(String cursor) {
        String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 3);
        if (parts.length != 3 || parts[1].isEmpty() || parts[2].isEmpty()) {
            throw new IllegalArgumentException("not a cursor");
        }
        return new FlowPosition(Long.parseLong(parts[0]), parts[1], parts[2]);
    }

    /** Items older than {@code beforeMs}, or at it with an id below {@code idBelow}. */
    record Bound(long beforeMs, String idBelow) {

        static final Bound NONE = new Bound(Long.MAX_VALUE, AFTER_EVERY_ID);

    }

}
