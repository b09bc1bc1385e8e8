package org.walletplatform.loadtest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongUnaryOperator;

/**
 * Runs {@code total} units of work on {@code concurrency} virtual threads and reports
 * units per second. Each call of the work function takes the index of its first unit and
 * returns how many units it did.
 */
final class Concurrent {

    private Concurrent() {
    }

    static double perSecond(int concurrency, long total, LongUnaryOperator work) {
        AtomicLong next = new AtomicLong();
        AtomicLong done = new AtomicLong();
        long start = System.nanoTime();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < concurrency; t++) {
                workers.add(threads.submit(() -> {
                    long index;
                    while ((index = next.getAndIncrement()) < total) {
                        done.addAndGet(work.applyAsLong(index));
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }

}
