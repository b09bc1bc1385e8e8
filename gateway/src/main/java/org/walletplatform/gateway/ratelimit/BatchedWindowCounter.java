package org.walletplatform.gateway.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import io.lettuce.core.cluster.SlotHash;
import io.micrometer.core.instrument.MeterRegistry;
import org.walletplatform.gateway.ratelimit.WindowCounter.Limit;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Sliding-window counters ({@link SlidingWindow}) counted here and settled with Redis in
 * one round trip for all of them every {@code flush-interval}, instead of one round trip
 * per request. A request is judged by the shared totals Redis last answered (this
 * window's and the previous one's) plus what this instance counted since: exact for this
 * instance's own requests, and other instances' requests are seen within one flush
 * interval, so all instances together can exceed a limit by what the others admit in that
 * time. A refused request counts nothing. While Redis does not answer, each instance
 * keeps counting on its own (the limit holds per instance) and sends its counts when
 * Redis is back. For reads, which must not depend on Redis; money-moving routes count
 * exactly ({@link WindowCounter}).
 */
@Component
class BatchedWindowCounter implements DisposableBean {

    /**
     * KEYS: per counter, its key of this window, then of the previous one. ARGV: per
     * counter, what to add and the expiry. Answers per counter both totals.
     */
    private static final RedisScript<List> ADD = RedisScript.of("""
            local totals = {}
            for i = 1, #KEYS, 2 do
              local added = tonumber(ARGV[i])
              local total = redis.call('INCRBY', KEYS[i], added)
              if total == added then redis.call('PEXPIRE', KEYS[i], ARGV[i + 1]) end
              totals[i] = total
              totals[i + 1] = tonumber(redis.call('GET', KEYS[i + 1]) or '0')
            end
            return totals
            """, List.class);

    private final ReactiveStringRedisTemplate redis;

    private final MeterRegistry meters;

    private final Duration timeout;

    private final LongSupplier clock;

    private final Map<String, WindowCell> cells = new ConcurrentHashMap<>();

    private final ScheduledExecutorService flusher;

    private final boolean cluster;

    @Autowired
    BatchedWindowCounter(ReactiveStringRedisTemplate redis, MeterRegistry meters, RateLimitProperties properties) {
        this(redis, meters, properties.redisTimeout(), System::currentTimeMillis);
        long every = properties.flushInterval().toMillis();
        this.flusher.scheduleWithFixedDelay(this::flushSafely, every, every, TimeUnit.MILLISECONDS);
    }

    BatchedWindowCounter(ReactiveStringRedisTemplate redis, MeterRegistry meters, Duration timeout,
            LongSupplier clock) {
        this.redis = redis;
        this.meters = meters;
        this.timeout = timeout;
        this.clock = clock;
        this.cluster = RedisTopology.isCluster(redis);
        this.flusher = Executors
            .newSingleThreadScheduledExecutor(Thread.ofPlatform().name("rate-limit-flush").daemon().factory());
    }

    /**
     * Counts one request at {@code now} against every limit if all of them admit it, as
     * far as this instance knows.
     * @return 0 if it passed; otherwise the milliseconds until one would
     */
    long admit(String policy, SlidingWindow window, List<Limit> limits, long now) {
        long index = window.index(now);
        List<WindowCell> counted = new ArrayList<>(limits.size());
        for (Limit limit : limits) {
            WindowCell cell = cell(policy, window, limit.key(), index);
            long wait = cell.countIfAdmitted(window, limit.max(), now);
            if (wait > 0) {
                counted.forEach(WindowCell::uncount);
                return wait;
            }
            counted.add(cell);
        }
        return 0;
    }

    private WindowCell cell(String policy, SlidingWindow window, String key, long index) {
        WindowCell cell = this.cells.get(key + ":" + index);
        if (cell != null) {
            return cell;
        }
        // the previous window's cell, while held here, knows this instance's latest
        // counts of it; Redis's total of it comes with the new cell's first flush
        WindowCell previous = this.cells.get(key + ":" + (index - 1));
        return this.cells.computeIfAbsent(key + ":" + index,
                (k) -> new WindowCell(policy, key, index, window.windowMillis(), previous));
    }

    /**
     * Sends every count not yet sent in one script call and takes the totals back, with
     * the previous windows' totals; a cell is dropped once it is two windows old, when it
     * no longer judges any request, even as the previous window. On a Redis Cluster, one
     * call per slot the counters fall in (a cell's two windows share one), all at once.
     */
    void flush() {
        long now = this.clock.getAsLong();
        Map<Integer, List<Sending>> bySlot = new HashMap<>();
        this.cells.forEach((key, cell) -> {
            if (now >= cell.end() + cell.windowMillis) {
                this.cells.remove(key, cell);
                return;
            }
            if (now >= cell.end()) {
                // ended: only its total is read now, so the cell before it can go
                cell.previous = null;
            }
            long n = cell.unsent.getAndSet(0);
            if (n != 0 || !cell.previousFetched) {
                // kept while it judges requests, and a second more for clocks slightly
                // apart
                bySlot.computeIfAbsent(this.cluster ? SlotHash.getSlot(cell.key) : 0, (slot) -> new ArrayList<>())
                    .add(new Sending(cell, key, n, cell.end() + cell.windowMillis - now + 1000));
            }
        });
        if (bySlot.isEmpty()) {
            return;
        }
        List<List<Sending>> groups = List.copyOf(bySlot.values());
        List<Optional<List<?>>> answers;
        try {
            answers = Flux.fromIterable(groups)
                .flatMapSequential((group) -> this.redis.execute(ADD, keysOf(group), argsOf(group))
                    .next()
                    .<Optional<List<?>>>map(Optional::of)
                    .onErrorReturn(Optional.empty())
                    .defaultIfEmpty(Optional.empty()))
                .collectList()
                .block(this.timeout);
        }
        catch (RuntimeException ex) {
            answers = null;
        }
        for (int g = 0; g < groups.size(); g++) {
            settle(groups.get(g), (answers != null) ? answers.get(g).orElse(null) : null);
        }
    }

    private void settle(List<Sending> group, List<?> totals) {
        for (int i = 0; i < group.size(); i++) {
            Sending sending = group.get(i);
            if (totals == null || 2 * i + 1 >= totals.size()) {
                // not known to have counted: sent again with the next flush
                sending.cell().unsent.addAndGet(sending.added());
                this.meters.counter("gateway.ratelimit.redis.failures", "policy", sending.cell().policy).increment();
                continue;
            }
            sending.cell()
                .settle(sending.added(), ((Number) totals.get(2 * i)).longValue(),
                        ((Number) totals.get(2 * i + 1)).longValue());
        }
    }

    private static List<String> keysOf(List<Sending> group) {
        List<String> keys = new ArrayList<>(group.size() * 2);
        for (Sending sending : group) {
            keys.add(sending.key());
            keys.add(sending.cell().key + ":" + (sending.cell().index - 1));
        }
        return keys;
    }

    private static List<String> argsOf(List<Sending> group) {
        List<String> args = new ArrayList<>(group.size() * 2);
        for (Sending sending : group) {
            args.add(Long.toString(sending.added()));
            args.add(Long.toString(sending.expiryMillis()));
        }
        return args;
    }

    /** A cell's counts on their way to Redis. */
    private record Sending(WindowCell cell, String key, long added, long expiryMillis) {
    }

    /** A task that throws is never run again by the executor: this one never throws. */
    private void flushSafely() {
        try {
            flush();
        }
        catch (RuntimeException ex) {
            this.meters.counter("gateway.ratelimit.redis.failures", "policy", "all").increment();
        }
    }

    int cellCount() {
        return this.cells.size();
    }

    @Override
    public void destroy() {
        this.flusher.shutdownNow();
    }

}
