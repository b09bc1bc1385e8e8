package org.walletplatform.presence.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A direct index over one serialized 32-bit RoaringBitmap (the portable format, already
 * {@code validate()}d), answering {@code contains} by reading the containers in place.
 * Roaring's own lookup binary-searches up to 65,536 container keys and then the
 * container; on a set of hundreds of MiB each step is a cache miss. Here the container is
 * found by its key in one array read, and an array container is searched by interpolation
 * (ids are spread evenly within a container) with a short scan, then a binary search only
 * if the guess was far off. Costs 6 bytes per possible key (384 KiB), so it is built only
 * for shards with many containers.
 *
 * @see <a href="https://github.com/RoaringBitmap/RoaringFormatSpec">Roaring format
 * specification</a>
 */
final class ContainerIndex {

    /** Shards with at least this many containers get an index. */
    static final int MIN_CONTAINERS = 1024;

    private static final int SERIAL_COOKIE_NO_RUNCONTAINER = 12346;

    private static final int SERIAL_COOKIE = 12347;

    private static final int NO_OFFSET_THRESHOLD = 4;

    private static final int MAX_ARRAY_CARDINALITY = 4096;

    private static final int SCAN = 8;

    private final ByteBuffer bytes;

    /** Byte offset of each key's container in {@link #bytes}, or -1 when absent. */
    private final int[] offsets = new int[1 << 16];

    /** Each key's cardinality minus one. */
    private final char[] cardinalities = new char[1 << 16];

    /** Keys whose container is a run container. */
    private final long[] runs = new long[1 << 10];

    private ContainerIndex(ByteBuffer bytes) {
        this.bytes = bytes;
    }

    /**
     * Indexes {@code serialized}, one bitmap in the portable format from position 0 to
     * its limit; null if the bitmap has too few containers to be worth it.
     */
    static ContainerIndex of(ByteBuffer serialized) {
        ByteBuffer in = serialized.slice().order(ByteOrder.LITTLE_ENDIAN);
        int cookie = in.getInt(0);
        boolean hasRuns = (cookie & 0xFFFF) == SERIAL_COOKIE;
        int size;
        int header;
        if (hasRuns) {
            size = (cookie >>> 16) + 1;
            header = 4 + (size + 7) / 8;
        }
        else if (cookie == SERIAL_COOKIE_NO_RUNCONTAINER) {
            size = in.getInt(4);
            header = 8;
        }
        else {
            throw new IllegalArgumentException("not a portable Roaring bitmap");
        }
        if (size < MIN_CONTAINERS) {
            return null;
        }
        ContainerIndex index = new ContainerIndex(in);
        Arrays.fill(index.offsets, -1);
        boolean hasOffsets = !hasRuns || size >= NO_OFFSET_THRESHOLD;
        int offsetsAt = header + 4 * size;
        int position = offsetsAt + (hasOffsets ? 4 * size : 0);
        for (int i = 0; i < size; i++) {
            int key = in.getChar(header + 4 * i);
            int cardinality = in.getChar(header + 4 * i + 2) + 1;
            boolean run = hasRuns && (in.get(4 + i / 8) & (1 << (i % 8))) != 0;
            int offset = hasOffsets ? in.getInt(offsetsAt + 4 * i) : position;
            index.offsets[key] = offset;
            index.cardinalities[key] = (char) (cardinality - 1);
            if (run) {
                index.runs[key >>> 6] |= 1L << key;
            }
            position = offset + (run ? 2 + 4 * in.getChar(offset)
                    : (cardinality > MAX_ARRAY_CARDINALITY) ? 8192 : 2 * cardinality);
        }
        return index;
    }

    boolean contains(int value) {
        int key = value >>> 16;
        int offset = this.offsets[key];
        if (offset < 0) {
            return false;
        }
        char low = (char) value;
        if ((this.runs[key >>> 6] & (1L << key)) != 0) {
            return runContains(offset, low);
        }
        int cardinality = this.cardinalities[key] + 1;
        if (cardinality > MAX_ARRAY_CARDINALITY) {
            return (this.bytes.getLong(offset + ((low >>> 6) << 3)) & (1L << low)) != 0;
        }
        return arrayContains(offset, cardinality, low);
    }

    private boolean arrayContains(int offset, int cardinality, char low) {
        int guess = (int) (((long) low * cardinality) >>> 16);
        char found = value(offset, guess);
        if (found == low) {
            return true;
        }
        int lo;
        int hi;
        if (found < low) {
            int end = Math.min(cardinality - 1, guess + SCAN);
            for (int i = guess + 1; i <= end; i++) {
                char v = value(offset, i);
                if (v >= low) {
                    return v == low;
                }
            }
            lo = end + 1;
            hi = cardinality - 1;
        }
        else {
            int end = Math.max(0, guess - SCAN);
            for (int i = guess - 1; i >= end; i--) {
                char v = value(offset, i);
                if (v <= low) {
                    return v == low;
                }
            }
            lo = 0;
            hi = end - 1;
        }
        while (lo <= hi) {
            int middle = (lo + hi) >>> 1;
            char v = value(offset, middle);
            if (v < low) {
                lo = middle + 1;
            }
            else if (v > low) {
                hi = middle - 1;
            }
            else {
                return true;
            }
        }
        return false;
    }

    private boolean runContains(int offset, char low) {
        int count = this.bytes.getChar(offset);
        // the last run starting at or before low
        int lo = 0;
        int hi = count - 1;
        int candidate = -1;
        while (lo <= hi) {
            int middle = (lo + hi) >>> 1;
            if (this.bytes.getChar(offset + 2 + 4 * middle) <= low) {
                candidate = middle;
                lo = middle + 1;
            }
            else {
                hi = middle - 1;
            }
        }
        if (candidate < 0) {
            return false;
        }
        int start = this.bytes.getChar(offset + 2 + 4 * candidate);
        int length = this.bytes.getChar(offset + 4 + 4 * candidate);
        return low - start <= length;
    }

    private char value(int offset, int i) {
        return this.bytes.getChar(offset + 2 * i);
    }

}
