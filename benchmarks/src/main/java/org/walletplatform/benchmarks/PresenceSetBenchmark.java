package org.walletplatform.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import com.google.common.hash.BloomFilter;
import com.google.common.hash.Funnels;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.walletplatform.presence.PresenceSet;
import org.walletplatform.presence.PresenceSetFormat;

/**
 * The presence set at Baidu's scale: {@code ids} distinct ids uniform in [0, 10^10)
 * (fixed seed). Measures lookups per second (half present, half absent ids), beside a
 * Bloom filter at Baidu's false-positive rate, and loading the whole set from its bytes
 * and from Redis, as a cold read instance does; prints the sizes once per fork.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = { "-Xms6g", "-Xmx6g" })
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class PresenceSetBenchmark {

    private static final long ID_SPACE = 10_000_000_000L;

    private static final byte[] REDIS_KEY = "bench:presence".getBytes();

    private static final int CHANGES_PER_MINUTE = 60_000;

    @Param("93000000")
    public int ids;

    private PresenceSet set;

    private byte[] bytes;

    private long[] probes;

    private int next;

    /** A minute of membership changes at a busy peak: users gaining and losing. */
    private List<Long> gains;

    private List<Long> losses;

    private RedisClient redisClient;

    private StatefulRedisConnection<byte[], byte[]> redis;

    @Setup(Level.Trial)
    public void build() {
        SplittableRandom random = new SplittableRandom(20261122);
        long[] population = population(random, this.ids);
        this.set = PresenceSet.of(population);
        this.bytes = this.set.toBytes();
        System.out.printf("%n[presence] distinct ids %,d; serialized %.1f MiB; %.2f bits per id%n",
                this.set.cardinality(), this.bytes.length / 1048576.0,
                this.bytes.length * 8.0 / this.set.cardinality());
        this.probes = probes(random, population);
        this.gains = random.longs(CHANGES_PER_MINUTE / 2, 0, ID_SPACE).boxed().toList();
        this.losses = random.ints(CHANGES_PER_MINUTE / 2, 0, population.length).mapToObj((i) -> population[i]).toList();
    }

    static long[] population(SplittableRandom random, int ids) {
        long[] population = random.longs(ids, 0, ID_SPACE).toArray();
        Arrays.sort(population);
        return population;
    }

    /** Half present, half uniformly drawn (so almost all absent) ids. */
    static long[] probes(SplittableRandom random, long[] population) {
        long[] probes = new long[1 << 20];
        for (int i = 0; i < probes.length; i++) {
            probes[i] = (i % 2 == 0) ? population[random.nextInt(population.length)] : random.nextLong(ID_SPACE);
        }
        return probes;
    }

    @Setup(Level.Trial)
    public void storeInRedis() {
        this.redisClient = RedisClient.create("redis://127.0.0.1:6379/15");
        this.redis = this.redisClient.connect(ByteArrayCodec.INSTANCE);
        this.redis.setTimeout(Duration.ofMinutes(1));
        this.redis.sync().set(REDIS_KEY, this.bytes);
    }

    @TearDown(Level.Trial)
    public void closeRedis() {
        this.redis.sync().del(REDIS_KEY);
        this.redis.close();
        this.redisClient.shutdown();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public boolean contains() {
        return this.set.contains(this.probes[this.next++ & (this.probes.length - 1)]);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public PresenceSet loadFromBytes() {
        return PresenceSetFormat.read(this.bytes);
    }

    /** What a cold read instance does: fetch the snapshot from Redis, then read it. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public PresenceSet loadFromRedis() {
        return PresenceSetFormat.read(this.redis.sync().get(REDIS_KEY));
    }

    /**
     * What the sync worker does each minute between full scans (PresenceSnapshotBuilder):
     * fetch the stored set, read it, apply a minute of journal deltas, store it back.
     */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public String advanceAlongTheJournal() {
        PresenceSet stored = PresenceSetFormat.read(this.redis.sync().get(REDIS_KEY));
        return this.redis.sync().set(REDIS_KEY, stored.withChanges(this.gains, this.losses).toBytes());
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public boolean bloomContains(Bloom bloom) {
        return bloom.filter.mightContain(bloom.probes[bloom.next++ & (bloom.probes.length - 1)]);
    }

    /**
     * The inexact alternative, for comparison: a Bloom filter (Guava) at Baidu's 2.14 %
     * false-positive rate over the same population and probes.
     */
    @State(Scope.Benchmark)
    public static class Bloom {

        BloomFilter<Long> filter;

        long[] probes;

        int next;

        @Setup(Level.Trial)
        public void build(PresenceSetBenchmark benchmark) {
            SplittableRandom random = new SplittableRandom(20261122);
            long[] population = population(random, benchmark.ids);
            this.filter = BloomFilter.create(Funnels.longFunnel(), population.length, 0.0214);
            for (long id : population) {
                this.filter.put(id);
            }
            this.probes = probes(random, population);
            long falsePositives = 0;
            long absent = 0;
            for (long probe : this.probes) {
                if (Arrays.binarySearch(population, probe) < 0) {
                    absent++;
                    falsePositives += this.filter.mightContain(probe) ? 1 : 0;
                }
            }
            System.out.printf("%n[bloom] %.1f MiB; %.2f %% false positives among %,d absent probes%n",
                    bitSize(this.filter) / 8.0 / 1048576.0, 100.0 * falsePositives / absent, absent);
        }

        private static long bitSize(BloomFilter<Long> filter) {
            // the serialized form is the bit array plus a 6-byte header
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                filter.writeTo(out);
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            return (out.size() - 6) * 8L;
        }

    }

}
