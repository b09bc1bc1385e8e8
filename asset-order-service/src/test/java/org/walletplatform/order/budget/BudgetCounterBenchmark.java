package org.walletplatform.order.budget;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.walletplatform.model.reward.AwardType;
import org.walletplatform.order.scene.Scene;
import org.walletplatform.sharding.ShardingConfig;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The scene budget counter under a burst, three ways, in one run against the same Redis:
 * the seed's key sharding (100 counter keys, every issuance reads them all and increments
 * one), the seed's local counter synced to one key every second, and the order center's
 * leases ({@link Budgets}, the production classes on the test shards). Each design issues
 * the same stream: {@code threads} instances draw amounts of 1 to 100 until
 * {@code issuances} attempts are made, against a budget smaller than the demand. Reports
 * Redis commands per 10,000 issuances (from the server's {@code INFO commandstats}) and
 * the overspend. Run with {@code ./wallet loadtest budget} (BENCHMARKS.md).
 */
public final class BudgetCounterBenchmark {

    private BudgetCounterBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int issuances = Integer.parseInt(System.getProperty("issuances", "10000"));
        int threads = Integer.parseInt(System.getProperty("threads", "4"));
        long budget = Long.parseLong(System.getProperty("budget", "400000"));
        LettuceConnectionFactory connections = new LettuceConnectionFactory("127.0.0.1", 6379);
        connections.start();
        StringRedisTemplate redis = new StringRedisTemplate(connections);
        JdbcTemplate jdbc = new JdbcTemplate(ShardingConfig.dataSource(new DefaultResourceLoader(),
                "classpath:order-sharding-test.yaml", "classpath:db/order", 8, Duration.ofSeconds(2), "bench"));
        String run = "bench-" + System.currentTimeMillis();
        System.out.printf("issuances=%d threads=%d budget=%d (demand about %d)%n", issuances, threads, budget,
                issuances * 50L);
        System.out.println(
                "| design | Redis calls (round trips) | server commands (incl. inside scripts) | per 10,000 issuances (calls / commands) | issued | overspend |");
        System.out.println("|---|---|---|---|---|---|");

        // 1. key sharding: 100 keys; check the sum of all, then increment one
        String shardPrefix = run + ":shard:";
        List<String> shardKeys = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            shardKeys.add(shardPrefix + i);
        }
        AtomicLong shardCalls = new AtomicLong();
        report("key sharding (100 keys)", redis, issuances, budget, threads, shardCalls, (instance, amount) -> {
            shardCalls.incrementAndGet();
            long total = redis.opsForValue()
                .multiGet(shardKeys)
                .stream()
                .mapToLong((v) -> (v != null) ? Long.parseLong(v) : 0)
                .sum();
            if (total + amount > budget) {
                return false;
            }
            shardCalls.incrementAndGet();
            redis.opsForValue().increment(shardKeys.get((int) (amount % 100)), amount);
            return true;
        }, () -> {
        });

        // 2. local counter per instance, synced to one key every second
        String globalKey = run + ":global";
        List<LocalCounter> counters = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            counters.add(new LocalCounter(redis, globalKey));
        }
        AtomicLong syncCalls = new AtomicLong();
        counters.forEach((c) -> c.calls = syncCalls);
        report("local counter + 1 s sync", redis, issuances, budget, threads, syncCalls,
                (instance, amount) -> counters.get(instance).tryIssue(amount, budget),
                () -> counters.forEach(LocalCounter::sync));

        // 3. leases (the order center): 0 reserve here, so all of the budget may be
        // issued
        AtomicLong leaseCalls = new AtomicLong();
        BudgetLedger ledger = new BudgetLedger(redis, new LeaseTable(jdbc), Clock.systemUTC(), List::of) {
            @Override
            long lease(Scene scene, String lessee, long wanted, long needed) {
                leaseCalls.incrementAndGet();
                return super.lease(scene, lessee, wanted, needed);
            }

            @Override
            void giveBack(String sceneId, String lessee, long amount) {
                leaseCalls.incrementAndGet();
                super.giveBack(sceneId, lessee, amount);
            }
        };
        long chunk = Long.parseLong(System.getProperty("chunk", Long.toString(budget / 8)));
        Scene scene = new Scene(run, AwardType.COUPON, budget, 100, 0, chunk, 0);
        List<Budgets> instances = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            instances.add(new Budgets(ledger, run + "-" + i));
        }
        report("leases (order center, chunk " + chunk + ")", redis, issuances, budget, threads, leaseCalls,
                (instance, amount) -> {
                    try {
                        instances.get(instance).take(scene, amount);
                        return true;
                    }
                    catch (StockLowException ex) {
                        return false;
                    }
                }, () -> instances.forEach(Budgets::giveBackAll));
        connections.destroy();
        System.exit(0);
    }

    private static void report(String design, StringRedisTemplate redis, int issuances, long budget, int threads,
            AtomicLong calls, Issuer issue, Runnable settle) throws Exception {
        long before = commands(redis);
        AtomicLong issued = new AtomicLong();
        AtomicLong attempts = new AtomicLong();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int instance = t;
                runs.add(pool.submit(() -> {
                    SplittableRandom random = new SplittableRandom(instance);
                    while (attempts.incrementAndGet() <= issuances) {
                        long amount = random.nextLong(1, 101);
                        if (issue.issue(instance, amount)) {
                            issued.addAndGet(amount);
                        }
                    }
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        }
        settle.run();
        long commands = commands(redis) - before - 1; // less the INFO that measured
        System.out.printf("| %s | %d | %d | %.1f / %.1f | %d | %d |%n", design, calls.get(), commands,
                calls.get() * 10_000.0 / issuances, commands * 10_000.0 / issuances, issued.get(),
                Math.max(0, issued.get() - budget));
    }

    /** One design: issue {@code amount} as instance {@code instance}, or refuse. */
    private interface Issuer {

        boolean issue(int instance, long amount);

    }

    /** Commands the Redis server has executed so far (all clients). */
    private static long commands(StringRedisTemplate redis) {
        Properties stats = redis.execute((RedisCallback<Properties>) (c) -> c.serverCommands().info("stats"));
        return Long.parseLong(stats.getProperty("total_commands_processed"));
    }

    /** One instance of the seed's second design. */
    private static final class LocalCounter {

        private final StringRedisTemplate redis;

        private final String key;

        private final AtomicLong unsynced = new AtomicLong();

        private AtomicLong calls;

        private volatile long lastSyncedTotal;

        private volatile long lastSyncNanos = System.nanoTime();

        LocalCounter(StringRedisTemplate redis, String key) {
            this.redis = redis;
            this.key = key;
        }

        boolean tryIssue(long amount, long budget) {
            if (System.nanoTime() - this.lastSyncNanos >= 1_000_000_000L) {
                sync();
            }
            if (this.lastSyncedTotal + this.unsynced.get() + amount > budget) {
                return false;
            }
            this.unsynced.addAndGet(amount);
            return true;
        }

        synchronized void sync() {
            long delta = this.unsynced.getAndSet(0);
            this.calls.incrementAndGet();
            if (delta > 0) {
                Long total = this.redis.opsForValue().increment(this.key, delta);
                this.lastSyncedTotal = (total != null) ? total : 0;
            }
            else {
                String total = this.redis.opsForValue().get(this.key);
                this.lastSyncedTotal = (total != null) ? Long.parseLong(total) : 0;
            }
            this.lastSyncNanos = System.nanoTime();
        }

    }

}
