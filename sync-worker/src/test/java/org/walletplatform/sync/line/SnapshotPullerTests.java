package org.walletplatform.sync.line;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.walletplatform.model.config.IntegrationConfig;
import org.walletplatform.model.line.AssetSnapshot;
import org.walletplatform.sync.sync.SyncMetrics;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The puller's guards on each line, with a client that answers at once and records when
 * it was called: the line's rate limit (spread over the second, and per line) and its cap
 * on calls in flight.
 */
class SnapshotPullerTests {

    private static final IntegrationConfig NOTHING_RELEASED = new IntegrationConfig(null, null);

    private final RecordingClient client = new RecordingClient();

    @AfterEach
    void close() throws IOException {
        this.client.close();
    }

    @Test
    void shouldSpreadALinesCallsOverTheSecondRatherThanBurst() {
        SnapshotPuller puller = puller(Map.of("coins", line("coins", 200, 32)));

        PullOutcome outcome = puller.pull("coins", users(100));

        assertThat(outcome.snapshots()).hasSize(100);
        // 200 calls a second allow 20 in any tenth of a second (plus the slice at each
        // edge); a limiter granting the second's calls at once lets all 100 out together
        assertThat(this.client.mostCallsWithin(Duration.ofMillis(100))).isBetween(1, 24);
    }

    @Test
    void shouldLimitEachLineOnItsOwn() {
        SnapshotPuller puller = puller(Map.of("coins", line("coins", 20, 32), "coupons", line("coupons", 10_000, 32)));

        // 30 calls at 20 a second take about a second and a half
        CompletableFuture<PullOutcome> slowLine = CompletableFuture.supplyAsync(() -> puller.pull("coins", users(30)));
        PullOutcome fastLine = puller.pull("coupons", users(200));

        assertThat(fastLine.snapshots()).hasSize(200);
        assertThat(slowLine).isNotDone();
        assertThat(slowLine.join().snapshots()).hasSize(30);
    }

    @Test
    void shouldKeepNoMoreCallsInFlightThanTheLineAllows() {
        this.client.answerAfter(Duration.ofMillis(20));
        SnapshotPuller puller = puller(Map.of("coins", line("coins", 10_000, 4)));

        PullOutcome outcome = puller.pull("coins", users(40));

        assertThat(outcome.snapshots()).hasSize(40);
        assertThat(this.client.mostInFlight()).isEqualTo(4);
    }

    @Test
    void shouldSpreadEveryRateOverTheSecond() {
        assertThat(LineRateLimit.of(3000).getLimitForPeriod()).isEqualTo(30);
        assertThat(LineRateLimit.of(3000).getLimitRefreshPeriod()).isEqualTo(Duration.ofMillis(10));
        assertThat(LineRateLimit.of(150).getLimitForPeriod()).isEqualTo(2);
        assertThat(LineRateLimit.of(150).getLimitRefreshPeriod().toNanos()).isEqualTo(13_333_333);
        assertThat(LineRateLimit.of(1).getLimitForPeriod()).isEqualTo(1);
        assertThat(LineRateLimit.of(1).getLimitRefreshPeriod()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void shouldPullALineWithItsReleasedSettingsInPlaceOfTheBuiltInOnes() {
        this.client.answerAfter(Duration.ofMillis(20));
        IntegrationConfig released = new IntegrationConfig(
                Map.of("coins",
                        new IntegrationConfig.LinePull("http://127.0.0.2:1/lines/coins", false, 10_000, 2000, 4)),
                null);
        SnapshotPuller puller = puller(
                Map.of("coins", line("coins", 10_000, 32), "coupons", line("coupons", 10_000, 32)), (user) -> released);

        assertThat(puller.pull("coins", users(40)).snapshots()).hasSize(40);
        assertThat(this.client.hostOf.values()).containsOnly("127.0.0.2");
        assertThat(this.client.mostInFlight()).isEqualTo(4);

        this.client.hostOf.clear();
        assertThat(puller.pull("coupons", users(10)).snapshots()).hasSize(10);
        assertThat(this.client.hostOf.values()).containsOnly("127.0.0.1");
    }

    @Test
    void shouldPullAGrayReleasesUsersWithItsSettingsAndTheOthersWithTheStableOnes() {
        IntegrationConfig gray = new IntegrationConfig(
                Map.of("coins",
                        new IntegrationConfig.LinePull("http://127.0.0.3:1/lines/coins", false, 10_000, 2000, 8)),
                null);
        SnapshotPuller puller = puller(Map.of("coins", line("coins", 10_000, 32)),
                (user) -> (user % 10 == 0) ? gray : NOTHING_RELEASED);

        PullOutcome outcome = puller.pull("coins", users(50));

        assertThat(outcome.snapshots()).hasSize(50);
        assertThat(this.client.hostOf).hasSize(50)
            .allSatisfy((user, host) -> assertThat(host).isEqualTo((user % 10 == 0) ? "127.0.0.3" : "127.0.0.1"));
    }

    private SnapshotPuller puller(Map<String, BusinessLinesProperties.Line> lines) {
        return puller(lines, (user) -> NOTHING_RELEASED);
    }

    private SnapshotPuller puller(Map<String, BusinessLinesProperties.Line> lines,
            LongFunction<IntegrationConfig> released) {
        RetryRegistry retries = RetryRegistry.of(RetryConfig.custom()
            .maxAttempts(3)
            .waitDuration(Duration.ofMillis(10))
            .retryExceptions(PullException.Retryable.class, RequestNotPermitted.class)
            .build());
        return new SnapshotPuller(this.client, new LineSettings(new BusinessLinesProperties(lines), released),
                RateLimiterRegistry.ofDefaults(), retries, new SyncMetrics(new SimpleMeterRegistry()));
    }

    private static BusinessLinesProperties.Line line(String name, int callsPerSecond, int maxConcurrency) {
        return new BusinessLinesProperties.Line(URI.create("http://127.0.0.1:1/lines/" + name), false, callsPerSecond,
                Duration.ofSeconds(2), maxConcurrency);
    }

    private static Map<Long, Long> users(int count) {
        return LongStream.rangeClosed(1, count).boxed().collect(Collectors.toMap(Function.identity(), (u) -> 0L));
    }

    /**
     * Answers every single-form call with version 1 of the line its URL names, recording
     * when and how many at once.
     */
    private static final class RecordingClient extends BusinessLineClient {

        private final ConcurrentLinkedQueue<Long> calledAt = new ConcurrentLinkedQueue<>();

        private final AtomicInteger inFlight = new AtomicInteger();

        private final AtomicInteger mostInFlight = new AtomicInteger();

        private volatile Duration answerAfter = Duration.ZERO;

        void answerAfter(Duration delay) {
            this.answerAfter = delay;
        }

        private final Map<Long, String> hostOf = new ConcurrentHashMap<>();

        @Override
        AssetSnapshot snapshot(BusinessLinesProperties.Line line, long userId) {
            this.calledAt.add(System.nanoTime());
            this.hostOf.put(userId, line.snapshotUrl().getHost());
            this.mostInFlight.accumulateAndGet(this.inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(this.answerAfter);
                String name = line.snapshotUrl().getPath().substring("/lines/".length());
                return new AssetSnapshot(userId, name, 1, List.of());
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
            finally {
                this.inFlight.decrementAndGet();
            }
        }

        int mostInFlight() {
            return this.mostInFlight.get();
        }

        int mostCallsWithin(Duration window) {
            List<Long> times = this.calledAt.stream().sorted().toList();
            int most = 0;
            int from = 0;
            for (int to = 0; to < times.size(); to++) {
                while (times.get(to) - times.get(from) >= window.toNanos()) {
                    from++;
                }
                most = Math.max(most, to - from + 1);
            }
            return most;
        }

    }

}
