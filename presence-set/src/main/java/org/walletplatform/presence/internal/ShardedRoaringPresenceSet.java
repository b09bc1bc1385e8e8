package org.walletplatform.presence.internal;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongConsumer;
import java.util.zip.CRC32;

import org.roaringbitmap.buffer.ImmutableRoaringBitmap;
import org.roaringbitmap.buffer.MutableRoaringBitmap;
import org.walletplatform.presence.PresenceSet;
import org.walletplatform.presence.PresenceSetFormat.InvalidPresenceSetException;

/**
 * {@link PresenceSet} as a sorted map from the high 32 bits of an id to an
 * {@link ImmutableRoaringBitmap} of the low 32 bits. Immutable bitmaps read from their
 * own byte buffers with absolute gets, so concurrent readers never touch shared mutable
 * state; large shards are looked up through a {@link ContainerIndex} over the same bytes.
 */
public final class ShardedRoaringPresenceSet implements PresenceSet {

    public static final ShardedRoaringPresenceSet EMPTY = new ShardedRoaringPresenceSet(new TreeMap<>());

    private static final int MAGIC = 0x57505331; // "WPS1"

    private final TreeMap<Integer, Shard> shards;

    /**
     * The shards' high parts, ascending, and the shards in the same order: for lookups.
     */
    private final int[] highs;

    private final Shard[] lookups;

    private final long cardinality;

    private ShardedRoaringPresenceSet(TreeMap<Integer, Shard> shards) {
        this.shards = shards;
        this.highs = shards.keySet().stream().mapToInt(Integer::intValue).toArray();
        this.lookups = shards.values().toArray(Shard[]::new);
        this.cardinality = shards.values().stream().mapToLong((s) -> s.bitmap().getLongCardinality()).sum();
    }

    public static ShardedRoaringPresenceSet of(long... ids) {
        Map<Integer, MutableRoaringBitmap> building = new HashMap<>();
        for (long id : ids) {
            building.computeIfAbsent(high(id), (h) -> new MutableRoaringBitmap()).add(low(id));
        }
        TreeMap<Integer, Shard> shards = new TreeMap<>();
        building.forEach((high, bitmap) -> shards.put(high, freeze(bitmap)));
        return new ShardedRoaringPresenceSet(shards);
    }

    @Override
    public boolean contains(long userId) {
        int i = Arrays.binarySearch(this.highs, high(userId));
        return i >= 0 && this.lookups[i].contains(low(userId));
    }

    @Override
    public long cardinality() {
        return this.cardinality;
    }

    @Override
    public void forEach(LongConsumer action) {
        this.shards.forEach((high, shard) -> {
            long prefix = ((long) high) << 32;
            shard.bitmap().forEach((int low) -> action.accept(prefix | Integer.toUnsignedLong(low)));
        });
    }

    @Override
    public PresenceSet withChanges(Collection<Long> added, Collection<Long> removed) {
        Map<Integer, MutableRoaringBitmap> touched = new HashMap<>();
        for (long id : added) {
            mutable(touched, high(id)).add(low(id));
        }
        for (long id : removed) {
            mutable(touched, high(id)).remove(low(id));
        }
        TreeMap<Integer, Shard> shards = new TreeMap<>(this.shards);
        touched.forEach((high, bitmap) -> {
            if (bitmap.isEmpty()) {
                shards.remove(high);
            }
            else {
                shards.put(high, freeze(bitmap));
            }
        });
        return new ShardedRoaringPresenceSet(shards);
    }

    @Override
    public byte[] toBytes() {
        int size = 8 + 4;
        for (Shard shard : this.shards.values()) {
            size += 8 + shard.bitmap().serializedSizeInBytes();
        }
        ByteBuffer out = ByteBuffer.allocate(size + 8);
        out.putInt(MAGIC).putInt(this.shards.size());
        this.shards.forEach((high, shard) -> {
            out.putInt(high).putInt(shard.bitmap().serializedSizeInBytes());
            shard.bitmap().serialize(out);
        });
        out.putInt(0); // reserved
        CRC32 crc = new CRC32();
        crc.update(out.array(), 0, out.position());
        out.putLong(crc.getValue());
        return out.array();
    }

    public static ShardedRoaringPresenceSet read(byte[] bytes) {
        try {
            if (bytes.length < 20) {
                throw new InvalidPresenceSetException("Too short to be a presence set: " + bytes.length + " bytes");
            }
            CRC32 crc = new CRC32();
            crc.update(bytes, 0, bytes.length - 8);
            ByteBuffer in = ByteBuffer.wrap(bytes);
            if (in.getLong(bytes.length - 8) != crc.getValue()) {
                throw new InvalidPresenceSetException("Checksum mismatch: the bytes are corrupt");
            }
            if (in.getInt() != MAGIC) {
                throw new InvalidPresenceSetException("Not a presence set (bad magic)");
            }
            int count = in.getInt();
            TreeMap<Integer, Shard> shards = new TreeMap<>();
            for (int i = 0; i < count; i++) {
                int high = in.getInt();
                int length = in.getInt();
                if (length <= 0 || length > in.remaining() - 12) {
                    throw new InvalidPresenceSetException("Shard " + high + " claims " + length + " bytes");
                }
                ByteBuffer slice = in.slice(in.position(), length);
                in.position(in.position() + length);
                ImmutableRoaringBitmap bitmap = new ImmutableRoaringBitmap(slice);
                if (!Boolean.TRUE.equals(bitmap.validate()) || bitmap.serializedSizeInBytes() != length
                        || bitmap.isEmpty() || shards.put(high, Shard.of(bitmap, slice)) != null) {
                    throw new InvalidPresenceSetException("Shard " + high + " is not a valid bitmap");
                }
            }
            return new ShardedRoaringPresenceSet(shards);
        }
        catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException
                | IllegalStateException ex) {
            throw new InvalidPresenceSetException("Malformed presence set", ex);
        }
    }

    private MutableRoaringBitmap mutable(Map<Integer, MutableRoaringBitmap> touched, int high) {
        return touched.computeIfAbsent(high, (h) -> {
            Shard current = this.shards.get(h);
            return (current != null) ? current.bitmap().toMutableRoaringBitmap() : new MutableRoaringBitmap();
        });
    }

    private static Shard freeze(MutableRoaringBitmap bitmap) {
        bitmap.runOptimize();
        ByteBuffer buffer = ByteBuffer.allocate(bitmap.serializedSizeInBytes());
        bitmap.serialize(buffer);
        buffer.flip();
        return Shard.of(new ImmutableRoaringBitmap(buffer), buffer);
    }

    /**
     * One shard: the bitmap over its serialized bytes, and for a large shard a direct
     * index over the same bytes that answers lookups faster.
     */
    private record Shard(ImmutableRoaringBitmap bitmap, ContainerIndex index) {

        static Shard of(ImmutableRoaringBitmap bitmap, ByteBuffer serialized) {
            return new Shard(bitmap, ContainerIndex.of(serialized));
        }

        boolean contains(int low) {
            return (this.index != null) ? this.index.contains(low) : this.bitmap.contains(low);
        }

    }

    private static int high(long id) {
        return (int) (id >>> 32);
    }

    private static int low(long id) {
        return (int) id;
    }

}
