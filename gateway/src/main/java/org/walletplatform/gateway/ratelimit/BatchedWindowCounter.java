package org.walletplatform.gateway.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Fixed-window counters counted here and settled with Redis in one round trip for all of
 * them every {@code flush-interval}, instead of one round trip per request. A request is
 * judged by the shared total Redis last answered plus what this instance counted since:
 * exact for this instance's own requests, and other instances' requests are seen within
 * one flush interval, so all instances together can exceed a limit by what the others
 * admit in that time. While Redis does not answer, each instance keeps counting on its
 * own (the limit holds per instance) and sends its counts when Redis is back. For reads,
 * which must not depend on Redis; money-moving routes count exactly
 * ({@link WindowCounter}).
 */
@Component
class BatchedWindowCounter implements DisposableBean {

    private static final RedisScript<List> ADD = RedisScript.of("""
            local totals = {}
            for i, key in ipairs(KEYS) do
              local added = tonumber(ARGV[2 * i - 1])
              totals[i] = redis.call('INCRBY', key, added)
              if totals[i] == added then redis.call('PEXPIRE', key, ARGV[2 * i]) end
            end
            return totals
            """, List.class);

    private final ReactiveStringRedisTemplate redis;

    private final MeterRegistry meters;

    private final Duration timeout;

    private final LongSupplier clock;

    private final Map<String, Cell> cells = new ConcurrentHashMap<>();

    private final ScheduledExecutorService flusher;

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
        this.flusher = Executors
            .newSingleThreadScheduledExecutor(Thread.ofPlatform().name("rate-limit-flush").daemon().factory());
    }

    /**
     * Counts one request against {@code key} in the window ending at {@code windowEnd}
     * (epoch millis) and returns the count it makes, as far as this instance knows.
     */
    long increment(String policy, String key, long windowEnd) {
        Cell cell = this.cells.computeIfAbsent(key, (k) -> new Cell(policy, windowEnd));
        cell.unsent.incrementAndGet();
        return cell.settled + cell.pending.incrementAndGet();
    }

    /**
     * Sends every count not yet sent in one script call and takes the totals back; cells
     * of ended windows are dropped.
     */
    void flush() {
        long now = this.clock.getAsLong();
        List<String> keys = new ArrayList<>();
        List<String> args = new ArrayList<>();
        List<Cell> sent = new ArrayList<>();
        List<Long> added = new ArrayList<>();
        this.cells.forEach((key, cell) -> {
            if (now >= cell.windowEnd) {
                // an ended window judges no request any more
                this.cells.remove(key, cell);
                return;
            }
            long n = cell.unsent.getAndSet(0);
            if (n > 0) {
                keys.add(key);
                args.add(Long.toString(n));
                // kept a little past the window's end, for clocks slightly apart
                args.add(Long.toString(cell.windowEnd - now + 1000));
                sent.add(cell);
                added.add(n);
            }
        });
        if (keys.isEmpty()) {
            return;
        }
        List<?> totals;
        try {
            totals = this.redis.execute(ADD, keys, args).next().block(this.timeout);
        }
        catch (RuntimeException ex) {
            totals = null;
        }
        for (int i = 0; i < sent.size(); i++) {
            Cell cell = sent.get(i);
            long n = added.get(i);
            if (totals == null || i >= totals.size()) {
                // not known to have counted: sent again with the next flush
                cell.unsent.addAndGet(n);
                this.meters.counter("gateway.ratelimit.redis.failures", "policy", cell.policy).increment();
                continue;
            }
            // the total first, then what it now holds leaves pending: in between a
            // request sees a count too high, never one too low
            cell.settled = Math.max(cell.settled, ((Number) totals.get(i)).longValue());
            cell.pending.addAndGet(-n);
        }
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

    private static final class Cell {

        final String policy;

        final long windowEnd;

        /** Counted here, not yet sent to Redis. */
        final AtomicLong unsent = new AtomicLong();

        /** Counted here, not yet part of {@link #settled}. */
        final AtomicLong pending = new AtomicLong();

        /** The shared total as Redis last answered it. */
        volatile long settled;

        Cell(String policy, long windowEnd) {
            this.policy = policy;
            this.windowEnd = windowEnd;
        }

    }

}
