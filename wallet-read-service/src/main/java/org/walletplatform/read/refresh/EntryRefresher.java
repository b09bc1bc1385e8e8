package org.walletplatform.read.refresh;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import org.walletplatform.model.notification.RefreshRequest;
import org.walletplatform.model.wallet.WalletView;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Pull on entry: when a user opens the wallet, ask the write side to refresh their
 * push-mode lines, in case a line missed a push. Never on the request's path:
 * {@link #onEntry} only hands the work to a virtual thread (or drops it when too many
 * wait). A user seen by this instance within {@code minInterval} is skipped at once, in
 * memory; otherwise the task claims the user for {@code minInterval} with {@code SET NX}
 * in Redis, so however many read instances see the user, one refresh per interval goes
 * out; then it calls the write side through the {@code walletWrite} circuit breaker. A
 * user the presence set calls absent is claimed in this instance's memory only, for the
 * longer {@code absentMinInterval}: their visit makes no Redis call at all.
 */
@Component
public class EntryRefresher {

    static final String METER = "wallet.read.refresh";

    private static final String CLAIM_KEY = "wallet:refresh:";

    private final StringRedisTemplate redis;

    private final RefreshProperties properties;

    private final CircuitBreaker writeSide;

    private final MeterRegistry meters;

    private final HttpClient http;

    private final URI refreshUri;

    private final Semaphore pending;

    private final RecentClaims claimedHere;

    private final RecentClaims absentClaimedHere;

    private final ExecutorService tasks = Executors.newVirtualThreadPerTaskExecutor();

    /** Asked on every read: looked up once, not per visit. */
    private final Counter skipped;

    private final Counter dropped;

    EntryRefresher(StringRedisTemplate redis, RefreshProperties properties, CircuitBreakerRegistry breakers,
            MeterRegistry meters) {
        this.redis = redis;
        this.properties = properties;
        this.writeSide = breakers.circuitBreaker("walletWrite");
        this.meters = meters;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
        this.refreshUri = URI.create(properties.writeServiceUrl() + RefreshRequest.PATH);
        this.pending = new Semaphore(properties.maxPending());
        this.claimedHere = new RecentClaims(properties.minInterval(), properties.memory());
        this.absentClaimedHere = new RecentClaims(properties.absentMinInterval(), properties.memory());
        this.skipped = meters.counter(METER, "result", "skipped");
        this.dropped = meters.counter(METER, "result", "dropped");
    }

    /**
     * Schedules a refresh of the user just read ({@code source} as the wallet answered
     * it); returns at once.
     */
    public void onEntry(long userId, String source) {
        boolean absent = WalletView.FROM_PRESENCE.equals(source);
        if (!(absent ? this.absentClaimedHere : this.claimedHere).claim(userId, System.currentTimeMillis())) {
            this.skipped.increment();
            return;
        }
        if (!this.pending.tryAcquire()) {
            this.dropped.increment();
            return;
        }
        this.tasks.execute(() -> {
            try {
                refresh(userId, absent);
            }
            finally {
                this.pending.release();
            }
        });
    }

    private void refresh(long userId, boolean claimed) {
        try {
            if (!claimed && !Boolean.TRUE
                .equals(this.redis.opsForValue().setIfAbsent(CLAIM_KEY + userId, "1", this.properties.minInterval()))) {
                this.skipped.increment();
                return;
            }
            this.writeSide.executeCheckedSupplier(() -> send(userId));
            count("requested");
        }
        catch (Throwable ex) {
            // the user's data stays as synced; the next entry after the interval asks
            // again
            count("failed");
        }
    }

    private Void send(long userId) throws IOException, InterruptedException {
        HttpResponse<Void> response = this.http.send(HttpRequest.newBuilder(this.refreshUri)
            .timeout(this.properties.timeout())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":" + userId + "}"))
            .build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 202) {
            throw new IOException("write side answered " + response.statusCode());
        }
        return null;
    }

    private void count(String result) {
        this.meters.counter(METER, "result", result).increment();
    }

    @PreDestroy
    void close() {
        this.tasks.shutdownNow();
    }

}
