package org.walletplatform.read.refresh;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.stream.Collectors;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.walletplatform.model.notification.RefreshRequest;
import org.walletplatform.model.wallet.WalletView;

import org.springframework.data.redis.connection.RedisStringCommands.SetOption;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.types.Expiration;
import org.springframework.stereotype.Component;

/**
 * Pull on entry: when a user opens the wallet, ask the write side to refresh their
 * push-mode lines, in case a line missed a push. Never on the request's path:
 * {@link #onEntry} only queues the user (or drops them when {@code maxPending} wait). A
 * user seen by this instance within {@code minInterval} is skipped at once, in memory.
 * One sender takes what waits, up to {@link RefreshRequest#MAX_USERS} at a time (so
 * requests are single under light load and batched in a burst of first visits, without
 * waiting to fill a batch), claims those users for {@code minInterval} with pipelined
 * {@code SET NX} in Redis, so however many read instances see a user, one refresh per
 * interval goes out, and asks the write side for the claimed ones in one call through the
 * {@code walletWrite} circuit breaker. A user the presence set calls absent is claimed in
 * this instance's memory only, for the longer {@code absentMinInterval}: their visit
 * makes no Redis call at all.
 */
@Component
public class EntryRefresher {

    static final String METER = "wallet.read.refresh";

    private static final String CLAIM_KEY = "wallet:refresh:";

    private static final byte[] ONE = { '1' };

    private static final Duration BREAKER_PAUSE = Duration.ofMillis(200);

    private final StringRedisTemplate redis;

    private final RefreshProperties properties;

    private final CircuitBreaker writeSide;

    private final HttpClient http;

    private final URI refreshUri;

    private final BlockingQueue<Entry> waiting;

    private final RecentClaims claimedHere;

    private final RecentClaims absentClaimedHere;

    /** Asked on every read: looked up once, not per visit. */
    private final Counter skipped;

    private final Counter dropped;

    private final Counter requested;

    private final Counter failed;

    private Thread sender;

    EntryRefresher(StringRedisTemplate redis, RefreshProperties properties, CircuitBreakerRegistry breakers,
            MeterRegistry meters) {
        this.redis = redis;
        this.properties = properties;
        this.writeSide = breakers.circuitBreaker("walletWrite");
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
        this.refreshUri = URI.create(properties.writeServiceUrl() + RefreshRequest.PATH);
        this.waiting = new ArrayBlockingQueue<>(properties.maxPending());
        this.claimedHere = new RecentClaims(properties.minInterval(), properties.memory());
        this.absentClaimedHere = new RecentClaims(properties.absentMinInterval(), properties.memory());
        this.skipped = meters.counter(METER, "result", "skipped");
        this.dropped = meters.counter(METER, "result", "dropped");
        this.requested = meters.counter(METER, "result", "requested");
        this.failed = meters.counter(METER, "result", "failed");
    }

    @PostConstruct
    void start() {
        this.sender = Thread.ofVirtual().name("pull-on-entry").start(this::sendWhatWaits);
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
        if (!this.waiting.offer(new Entry(userId, absent))) {
            this.dropped.increment();
        }
    }

    private void sendWhatWaits() {
        List<Entry> batch = new ArrayList<>(RefreshRequest.MAX_USERS);
        try {
            while (true) {
                batch.add(this.waiting.take());
                this.waiting.drainTo(batch, RefreshRequest.MAX_USERS - 1);
                refresh(batch);
                batch.clear();
            }
        }
        catch (InterruptedException ex) {
            // shutting down
        }
    }

    private void refresh(List<Entry> batch) throws InterruptedException {
        List<Long> userIds = claimed(batch);
        if (userIds.isEmpty()) {
            return;
        }
        while (true) {
            try {
                this.writeSide.executeCheckedSupplier(() -> send(userIds));
                this.requested.increment(userIds.size());
                return;
            }
            catch (CallNotPermittedException ex) {
                // the write side has been failing: keep this batch until the breaker lets
                // a call through; new entries wait meanwhile, up to maxPending
                Thread.sleep(BREAKER_PAUSE);
            }
            catch (InterruptedException ex) {
                throw ex;
            }
            catch (Throwable ex) {
                // their data stays as synced; their next entry after the interval asks
                // again
                this.failed.increment(userIds.size());
                return;
            }
        }
    }

    /**
     * The users of the batch to refresh: the absent ones (claimed in memory already) and
     * those no read instance claimed in Redis within the interval. If the claims do not
     * answer in time (Redis down, or the box saturated), all are refreshed: this
     * instance's memory still holds each to one refresh per interval, and a refresh twice
     * costs a few pulls.
     */
    private List<Long> claimed(List<Entry> batch) {
        List<Entry> present = batch.stream().filter((e) -> !e.absent()).toList();
        List<Object> fresh = present.isEmpty() ? List.of() : claimInRedis(present);
        List<Long> userIds = new ArrayList<>(batch.size());
        for (int i = 0; i < present.size(); i++) {
            if (fresh == null || Boolean.TRUE.equals(fresh.get(i))) {
                userIds.add(present.get(i).userId());
            }
        }
        this.skipped.increment(present.size() - userIds.size());
        batch.stream().filter(Entry::absent).forEach((e) -> userIds.add(e.userId()));
        return userIds;
    }

    /** Each user's {@code SET NX} answer, in order; null if Redis did not answer. */
    private List<Object> claimInRedis(List<Entry> users) {
        Expiration interval = Expiration.from(this.properties.minInterval());
        try {
            return this.redis.executePipelined((RedisCallback<?>) (c) -> {
                for (Entry user : users) {
                    c.stringCommands()
                        .set((CLAIM_KEY + user.userId()).getBytes(StandardCharsets.UTF_8), ONE, interval,
                                SetOption.ifAbsent());
                }
                return null;
            });
        }
        catch (RuntimeException ex) {
            return null;
        }
    }

    private Void send(List<Long> userIds) throws IOException, InterruptedException {
        String body = userIds.stream().map(String::valueOf).collect(Collectors.joining(",", "{\"userIds\":[", "]}"));
        HttpResponse<Void> response = this.http.send(HttpRequest.newBuilder(this.refreshUri)
            .timeout(this.properties.timeout())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 202) {
            throw new IOException("write side answered " + response.statusCode());
        }
        return null;
    }

    @PreDestroy
    void close() {
        if (this.sender != null) {
            this.sender.interrupt();
        }
    }

    private record Entry(long userId, boolean absent) {
    }

}
