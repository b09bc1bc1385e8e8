package org.walletplatform.sync.line;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import jakarta.annotation.PreDestroy;
import org.walletplatform.model.line.AssetSnapshot;
import org.walletplatform.model.line.SnapshotBatchRequest;
import org.walletplatform.sync.sync.SyncMetrics;

import org.springframework.stereotype.Component;

/**
 * Pulls the latest snapshots of a set of users from one business line, resiliently: every
 * call passes the line's own rate limiter and the shared {@code businessLineSnapshot}
 * retry (backoff configured in YAML); the limiter's permits are spread over each second
 * ({@link LineRateLimit}). The line's settings are its released ones
 * ({@link LineSettings}). Lines offering the batch form are asked in batches first; users
 * a batch left out, or answered with a bad or outdated snapshot, are then pulled one by
 * one, at most {@code maxConcurrency} at a time.
 */
@Component
public class SnapshotPuller {

    static final String RETRY = "businessLineSnapshot";

    private final BusinessLineClient client;

    private final LineSettings settings;

    private final RateLimiterRegistry rateLimiters;

    private final Retry retry;

    private final SyncMetrics metrics;

    private final Map<String, Semaphore> concurrency = new ConcurrentHashMap<>();

    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();

    SnapshotPuller(BusinessLineClient client, LineSettings settings, RateLimiterRegistry rateLimiters,
            RetryRegistry retries, SyncMetrics metrics) {
        this.client = client;
        this.settings = settings;
        this.rateLimiters = rateLimiters;
        this.retry = retries.retry(RETRY);
        this.metrics = metrics;
    }

    /**
     * @param wanted user id → the highest version any notification announced for them (0
     * if none did)
     */
    public PullOutcome pull(String businessLine, Map<Long, Long> wanted) {
        Map<Long, AssetSnapshot> snapshots = new ConcurrentHashMap<>();
        Map<Long, PullException> failures = new ConcurrentHashMap<>();
        Map<BusinessLinesProperties.Line, Map<Long, Long>> groups = this.settings.group(businessLine, wanted);
        if (groups.isEmpty()) {
            wanted.keySet()
                .forEach((u) -> failures.put(u,
                        new PullException("unknown-line", "Business line " + businessLine + " is not integrated")));
        }
        groups.forEach((line, users) -> pull(businessLine, line, users, snapshots, failures));
        return new PullOutcome(businessLine, snapshots, failures);
    }

    private void pull(String businessLine, BusinessLinesProperties.Line line, Map<Long, Long> wanted,
            Map<Long, AssetSnapshot> snapshots, Map<Long, PullException> failures) {
        if (line.batchSnapshots()) {
            pullBatches(businessLine, line, wanted, snapshots);
        }
        List<CompletableFuture<Void>> singles = new ArrayList<>();
        for (Map.Entry<Long, Long> user : wanted.entrySet()) {
            if (!snapshots.containsKey(user.getKey())) {
                singles.add(CompletableFuture.runAsync(() -> {
                    try {
                        snapshots.put(user.getKey(),
                                call(businessLine, line,
                                        () -> SnapshotChecks.check(this.client.snapshot(line, user.getKey()),
                                                user.getKey(), businessLine, user.getValue())));
                    }
                    catch (PullException ex) {
                        failures.put(user.getKey(), ex);
                    }
                }, this.calls));
            }
        }
        CompletableFuture.allOf(singles.toArray(CompletableFuture[]::new)).join();
    }

    /**
     * Batch calls, keeping only snapshots that pass every check; the rest fall through to
     * single pulls.
     */
    private void pullBatches(String businessLine, BusinessLinesProperties.Line line, Map<Long, Long> wanted,
            Map<Long, AssetSnapshot> snapshots) {
        List<Long> users = List.copyOf(wanted.keySet());
        List<CompletableFuture<Void>> batches = new ArrayList<>();
        for (int from = 0; from < users.size(); from += SnapshotBatchRequest.MAX_USERS) {
            List<Long> chunk = users.subList(from, Math.min(users.size(), from + SnapshotBatchRequest.MAX_USERS));
            batches.add(CompletableFuture.runAsync(() -> {
                try {
                    for (AssetSnapshot s : call(businessLine, line, () -> this.client.snapshots(line, chunk))) {
                        Long announced = wanted.get(s.userId());
                        if (announced != null && SnapshotChecks.shapeProblem(s, s.userId(), businessLine) == null
                                && s.version() >= announced) {
                            snapshots.put(s.userId(), s);
                        }
                    }
                }
                catch (PullException ex) {
                    // every user of this chunk is retried singly
                }
            }, this.calls));
        }
        CompletableFuture.allOf(batches.toArray(CompletableFuture[]::new)).join();
    }

    private <T> T call(String businessLine, BusinessLinesProperties.Line line, Supplier<T> call) {
        // one limiter and one cap per line and setting: a released change of either
        // starts afresh
        RateLimiter limiter = this.rateLimiters.rateLimiter("line-" + businessLine + "@" + line.rateLimitPerSecond(),
                () -> LineRateLimit.of(line.rateLimitPerSecond()));
        Semaphore slots = this.concurrency.computeIfAbsent(businessLine + "@" + line.maxConcurrency(),
                (l) -> new Semaphore(line.maxConcurrency()));
        Supplier<T> timed = () -> this.metrics.timePull(businessLine, call);
        try {
            slots.acquire();
            try {
                return Retry.decorateSupplier(this.retry, RateLimiter.decorateSupplier(limiter, timed)).get();
            }
            finally {
                slots.release();
            }
        }
        catch (RequestNotPermitted ex) {
            throw new PullException.Retryable("rate-limited",
                    "Rate limit of " + businessLine + " kept the call waiting", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new PullException.Retryable("interrupted", "Interrupted waiting for a call slot", ex);
        }
    }

    @PreDestroy
    void close() {
        this.calls.shutdownNow();
    }

}
