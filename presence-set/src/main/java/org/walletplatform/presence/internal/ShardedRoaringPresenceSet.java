package org.walletplatform.presence.internal;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;

import org.roaringbitmap.buffer.ImmutableRoaringBitmap;
import org.roaringbitmap.buffer.MutableRoaringBitmap;
import org.walletplatform.presence.PresenceSet;
import org.walletplatform.presence.PresenceSetFormat.InvalidPresenceSetException;

/**
 * {@link PresenceSet} as a sorted map from the high 32 bits of an id to an
 * {@link ImmutableRoaringBitmap} of the low 32 bits. Immutable bitmaps read from their
 * own byte buffers with absolute gets, so concurrent readers never touch shared mutable
 * state.
 */
public final class ShardedRoaringPresenceSet implements PresenceSet {

    public static final ShardedRoaringPresenceSet EMPTY = new ShardedRoaringPresenceSet(new TreeMap<>());

    private static final int MAGIC = 0x57505331; // "WPS1"

    private final TreeMap<Integer, ImmutableRoaringBitmap> shards;

    private final long cardinality;

    private ShardedRoaringPresenceSet(TreeMap<Integer, ImmutableRoaringBitmap> shards) {
        this.shards = shards;
        this.cardinality = shards.values().stream().mapToLong(ImmutableRoaringBitmap::getLongCardinality).sum();
    }

    public static ShardedRoaringPresenceSet of(long... ids) {
        Map<Integer, MutableRoaringBitmap> building = new HashMap<>();
        for (long id : ids) {
            building.computeIfAbsent(high(id), (h) -> new MutableRoaringBitmap()).add(low(id));
        }
        TreeMap<Integer, ImmutableRoaringBitmap> shards = new TreeMap<>();
        building.forEach((high, bitmap) -> shards.put(high, freeze(bitmap)));
        return new ShardedRoaringPresenceSet(shards);
    }

    @Override
    public boolean contains(long userId) {
        ImmutableRoaringBitmap shard = this.shards.get(high(userId));
        return shard != null && shard.contains(low(userId));
    }

    @Override
    public long cardinality() {
        return this.cardinality;
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
        TreeMap<Integer, ImmutableRoaringBitmap> shards = new TreeMap<>(this.shards);
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
        for (ImmutableRoaringBitmap bitmap : this.shards.values()) {
            size += 8 + bitmap.serializedSizeInBytes();
        }
        ByteBuffer out = ByteBuffer.allocate(size + 8);
        out.putInt(MAGIC).putInt(this.shards.size());
        this.shards.forEach((high, bitmap) -> {
            out.putInt(high).putInt(bitmap.serializedSizeInBytes());
            bitmap.serialize(out);
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
            TreeMap<Integer, ImmutableRoaringBitmap> shards = new TreeMap<>();
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
                        || bitmap.isEmpty() || shards.put(high, bitmap) != null) {
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
            ImmutableRoaringBitmap current = this.shards.get(h);
            return (current != null) ? current.toMutableRoaringBitmap() : new MutableRoaringBitmap();
        });
    }

    private static ImmutableRoaringBitmap freeze(MutableRoaringBitmap bitmap) {
        bitmap.runOptimize();
        ByteBuffer buffer = ByteBuffer.allocate(bitmap.serializedSizeInBytes());
        bitmap.serialize(buffer);
        buffer.flip();
        return new ImmutableRoaringBitmap(buffer);
    }

    private static int high(long id) {
        return (int) (id >>> 32);
    }

    private static int low(long id) {
        return (int) id;
    }

}
