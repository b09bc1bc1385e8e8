package org.walletplatform.benchmarks;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

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
import org.openjdk.jmh.annotations.Warmup;
import org.walletplatform.presence.PresenceSet;
import org.walletplatform.presence.PresenceSetFormat;

/**
 * The presence set at Baidu's scale: {@code ids} distinct ids uniform in [0, 10^10)
 * (fixed seed). Measures lookups per second (half present, half absent ids) and loading
 * the whole set from its bytes, as a cold read instance does; prints the serialized size
 * and the bits per id once per fork.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = { "-Xms6g", "-Xmx6g" })
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class PresenceSetBenchmark {

    private static final long ID_SPACE = 10_000_000_000L;

    @Param("93000000")
    public int ids;

    private PresenceSet set;

    private byte[] bytes;

    private long[] probes;

    private int next;

    @Setup(Level.Trial)
    public void build() {
        SplittableRandom random = new SplittableRandom(20261122);
        long[] population = random.longs(this.ids, 0, ID_SPACE).toArray();
        Arrays.sort(population);
        this.set = PresenceSet.of(population);
        this.bytes = this.set.toBytes();
        System.out.printf("%n[presence] distinct ids %,d; serialized %.1f MiB; %.2f bits per id%n",
                this.set.cardinality(), this.bytes.length / 1048576.0,
                this.bytes.length * 8.0 / this.set.cardinality());
        this.probes = new long[1 << 20];
        for (int i = 0; i < this.probes.length; i++) {
            this.probes[i] = (i % 2 == 0) ? population[random.nextInt(population.length)] : random.nextLong(ID_SPACE);
        }
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

}
