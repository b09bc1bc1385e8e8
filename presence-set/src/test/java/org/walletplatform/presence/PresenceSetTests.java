package org.walletplatform.presence;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import java.util.zip.CRC32;

import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.walletplatform.presence.PresenceSetFormat.InvalidPresenceSetException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PresenceSetTests {

    private static final long[] EDGES = { 0, 1, 0xFFFF_FFFFL, 0x1_0000_0000L, 9_999_999_999L, Long.MAX_VALUE,
            Long.MIN_VALUE, -1 };

    @Test
    void shouldFindEveryPresentIdAndNoAbsentOneForAFixedSeedPopulation() {
        SplittableRandom random = new SplittableRandom(0xfeef1f0);
        Set<Long> present = new HashSet<>();
        while (present.size() < 200_000) {
            present.add(random.nextLong(10_000_000_000L));
        }
        for (long edge : EDGES) {
            present.add(edge);
        }
        PresenceSet set = PresenceSet.of(present.stream().mapToLong(Long::longValue).toArray());

        assertThat(set.cardinality()).isEqualTo(present.size());
        assertThat(present).allMatch(set::contains);
        int absentChecked = 0;
        while (absentChecked < 1_000_000) {
            long candidate = random.nextLong(10_000_000_000L);
            if (!present.contains(candidate)) {
                assertThat(set.contains(candidate)).as("absent %d", candidate).isFalse();
                absentChecked++;
            }
        }
        assertThat(set.contains(0xFFFF_FFFFL + 2)).isFalse();
    }

    @Test
    void shouldApplyGainsAndLossesIntoANewSetLeavingTheOldOneAlone() {
        PresenceSet before = PresenceSet.of(1, 2, 0x1_0000_0005L);

        PresenceSet after = before.withChanges(List.of(3L, 0x2_0000_0000L, 2L), List.of(2L, 0x1_0000_0005L));

        assertThat(after.contains(1)).isTrue();
        assertThat(after.contains(2)).as("removal wins").isFalse();
        assertThat(after.contains(3)).isTrue();
        assertThat(after.contains(0x2_0000_0000L)).isTrue();
        assertThat(after.contains(0x1_0000_0005L)).isFalse();
        assertThat(after.cardinality()).isEqualTo(3);
        assertThat(before.contains(2)).isTrue();
        assertThat(before.cardinality()).isEqualTo(3);
    }

    @Test
    void shouldReadBackExactlyWhatWasWritten() {
        PresenceSet set = PresenceSet.of(EDGES).withChanges(List.of(42L, 43L), List.of());

        PresenceSet read = PresenceSetFormat.read(set.toBytes());

        assertThat(read.cardinality()).isEqualTo(set.cardinality());
        for (long id : EDGES) {
            assertThat(read.contains(id)).isTrue();
        }
        assertThat(read.contains(44)).isFalse();
        assertThat(PresenceSetFormat.read(PresenceSet.empty().toBytes()).cardinality()).isZero();
    }

    static Stream<byte[]> corrupted() {
        byte[] good = PresenceSet.of(1, 2, 3, 0x1_0000_0000L, 77_777).toBytes();
        SplittableRandom random = new SplittableRandom(7);
        Stream.Builder<byte[]> bad = Stream.builder();
        for (int i = 0; i < 20; i++) {
            byte[] flipped = good.clone();
            flipped[random.nextInt(flipped.length)] ^= (byte) (1 + random.nextInt(255));
            bad.add(flipped);
        }
        bad.add(new byte[0]);
        bad.add(new byte[25]);
        bad.add(Arrays.copyOf(good, good.length - 3));
        return bad.build();
    }

    @ParameterizedTest
    @MethodSource("corrupted")
    void shouldRefuseCorruptedBytes(byte[] bytes) {
        assertThatExceptionOfType(InvalidPresenceSetException.class).isThrownBy(() -> PresenceSetFormat.read(bytes));
    }

    @Test
    void shouldRefuseAValidChecksumOverAnInvalidBitmap() {
        byte[] good = PresenceSet.of(1, 2, 3).toBytes();
        // corrupt the bitmap body, then recompute the checksum as a buggy writer would
        good[20] = (byte) 0x7F;
        CRC32 crc = new CRC32();
        crc.update(good, 0, good.length - 8);
        ByteBuffer.wrap(good).putLong(good.length - 8, crc.getValue());

        assertThatExceptionOfType(InvalidPresenceSetException.class).isThrownBy(() -> PresenceSetFormat.read(good));
    }

    @Test
    void shouldAnswerConcurrentReadersWhileNewVersionsArePublished() throws Exception {
        long[] base = new SplittableRandom(11).longs(50_000, 0, 10_000_000_000L).toArray();
        AtomicReference<PresenceSet> current = new AtomicReference<>(PresenceSet.of(base));
        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            List<Future<Boolean>> readers = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                readers.add(threads.submit(() -> {
                    for (int round = 0; round < 200_000; round++) {
                        if (!current.get().contains(base[round % base.length])) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (long id = 1; id <= 200; id++) {
                current.set(current.get().withChanges(List.of(20_000_000_000L + id), List.of()));
            }
            for (Future<Boolean> reader : readers) {
                assertThat(reader.get()).isTrue();
            }
        }
        assertThat(current.get().cardinality()).isEqualTo(PresenceSet.of(base).cardinality() + 200);
    }

    static Stream<long[]> largeShards() {
        SplittableRandom random = new SplittableRandom(99);
        long[] sparse = random.longs(300_000, 0, 1L << 32).toArray();
        long[] dense = random.longs(6_000_000, 0, 1L << 26).toArray(); // ~5,000 per
                                                                       // container:
                                                                       // bitmaps
        List<Long> runs = new ArrayList<>();
        for (long k = 0; k < 2_000; k++) {
            for (long id = k * 65_536 + 100; id <= k * 65_536 + 100 + random.nextInt(5_000); id++) {
                runs.add(id);
            }
            runs.add(k * 65_536 + 65_535);
        }
        return Stream.of(sparse, dense, runs.stream().mapToLong(Long::longValue).toArray());
    }

    /**
     * Large shards answer through the direct container index: it must agree with
     * Roaring's own lookup for array, bitmap and run containers, in memory and read back.
     */
    @ParameterizedTest
    @MethodSource("largeShards")
    void shouldAnswerLikeRoaringThroughTheDirectIndex(long[] ids) {
        RoaringBitmap reference = new RoaringBitmap();
        for (long id : ids) {
            reference.add((int) id);
        }
        PresenceSet built = PresenceSet.of(ids);
        PresenceSet read = PresenceSetFormat.read(built.toBytes());
        SplittableRandom random = new SplittableRandom(5);

        for (int i = 0; i < 200_000; i++) {
            long probe = (i % 2 == 0) ? ids[random.nextInt(ids.length)] + random.nextInt(-2, 3)
                    : random.nextLong(1L << 32);
            boolean expected = probe >= 0 && probe < (1L << 32) && reference.contains((int) probe);
            assertThat(built.contains(probe)).as("probe %d", probe).isEqualTo(expected);
            assertThat(read.contains(probe)).as("probe %d read back", probe).isEqualTo(expected);
        }
        assertThat(built.cardinality()).isEqualTo(reference.getLongCardinality());
    }

}
