package org.walletplatform.sharding;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Keeps SQL whose text grows with a list (IN lists, multi-row VALUES) to a few distinct
 * texts. ShardingSphere parses every distinct text with ANTLR (the dearest step of a
 * statement, several milliseconds for a few hundred rows) and keeps the result in a cache
 * of soft references: with one text per batch size, batches of varying sizes were parsed
 * again and again under load. Lengths are rounded up to powers of two, so a batch of up
 * to 512 has at most 10 texts per statement.
 */
public final class StatementShapes {

    private StatementShapes() {
    }

    /** The smallest power of two at least {@code n} (1 for 0). */
    public static int shapeOf(int n) {
        return (n <= 1) ? 1 : Integer.highestOneBit(n - 1) << 1;
    }

    /**
     * The values padded to {@link #shapeOf their shape} by repeating the last one: for IN
     * lists, where a repeated value changes nothing, and for upserts whose repeated row
     * sets what the first one set.
     */
    public static <T> List<T> padded(Collection<T> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("Nothing to pad");
        }
        List<T> padded = new ArrayList<>(shapeOf(values.size()));
        padded.addAll(values);
        T last = padded.get(padded.size() - 1);
        while (padded.size() < shapeOf(values.size())) {
            padded.add(last);
        }
        return padded;
    }

    /**
     * The values cut into pieces whose sizes are powers of two, largest first, none above
     * {@code max} (a power of two): for inserts, where a row cannot be repeated. 500 rows
     * with a max of 256 are 6 pieces: 256, 128, 64, 32, 16, 4.
     */
    public static <T> List<List<T>> pieces(List<T> values, int max) {
        if (Integer.bitCount(max) != 1) {
            throw new IllegalArgumentException("Not a power of two: " + max);
        }
        List<List<T>> pieces = new ArrayList<>();
        int from = 0;
        while (from < values.size()) {
            int size = Math.min(max, Integer.highestOneBit(values.size() - from));
            pieces.add(values.subList(from, from + size));
            from += size;
        }
        return pieces;
    }

    /** {@code count} copies of {@code item}, comma-separated: placeholders or rows. */
    public static String repeated(String item, int count) {
        return String.join(",", Collections.nCopies(count, item));
    }

}
