package org.walletplatform.order.redpacket;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import io.micrometer.core.instrument.DistributionSummary;

/**
 * Runs the work of many request threads in batches on one thread of its own: each caller
 * hands in its item and waits for its result. While items arrive alone, each runs at
 * once; once a batch held more than one, the next batch collects items for up to
 * {@code linger} (or until {@code maxBatch}), so batches grow with the load and a quiet
 * service adds no wait. With {@code maxBatch} 1 every item runs alone on its caller's
 * thread.
 *
 * @param <I> what a caller hands in
 * @param <O> its result
 */
final class Batcher<I, O> implements AutoCloseable {

    private static final long WAIT_SECONDS = 5;

    private final Function<List<I>, List<O>> work;

    private final int maxBatch;

    private final long lingerNanos;

    private final DistributionSummary sizes;

    private final BlockingQueue<Waiting<I, O>> queue = new LinkedBlockingQueue<>();

    private final Thread thread;

    /**
     * @param work the batch's results, one per item in the order given; an exception it
     * throws is thrown to every caller of the batch
     * @param sizes records the size of every batch
     */
    Batcher(String name, int maxBatch, Duration linger, DistributionSummary sizes, Function<List<I>, List<O>> work) {
        this.work = work;
        this.maxBatch = maxBatch;
        this.lingerNanos = linger.toNanos();
        this.sizes = sizes;
        this.thread = (maxBatch > 1) ? Thread.ofVirtual().name(name).start(this::runBatches) : null;
    }

    /** The result of {@code item}, run in a batch with the items of other callers. */
    O submit(I item) {
        if (this.thread == null) {
            this.sizes.record(1);
            return this.work.apply(List.of(item)).getFirst();
        }
        Waiting<I, O> waiting = new Waiting<>(item, new CompletableFuture<>());
        this.queue.add(waiting);
        try {
            return waiting.result().get(WAIT_SECONDS, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a batch", ex);
        }
        catch (ExecutionException ex) {
            // the work's own exception, so callers can tell what it says about the
            // outcome
            throw (ex.getCause() instanceof RuntimeException cause) ? cause
                    : new IllegalStateException("The batch failed", ex.getCause());
        }
        catch (TimeoutException ex) {
            throw new IllegalStateException("The batch was not done in " + WAIT_SECONDS + " s", ex);
        }
    }

    private void runBatches() {
        boolean linger = false;
        List<Waiting<I, O>> batch = new ArrayList<>(this.maxBatch);
        try {
            while (true) {
                batch.add(this.queue.take());
                this.queue.drainTo(batch, this.maxBatch - batch.size());
                long until = System.nanoTime() + this.lingerNanos;
                while (linger && batch.size() < this.maxBatch) {
                    Waiting<I, O> next = this.queue.poll(until - System.nanoTime(), TimeUnit.NANOSECONDS);
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                    this.queue.drainTo(batch, this.maxBatch - batch.size());
                }
                run(batch);
                linger = batch.size() > 1;
                batch.clear();
            }
        }
        catch (InterruptedException ex) {
            batch.addAll(this.queue);
            batch.forEach((waiting) -> waiting.result().completeExceptionally(ex));
        }
    }

    private void run(List<Waiting<I, O>> batch) {
        try {
            List<O> results = this.work.apply(batch.stream().map(Waiting::item).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result().complete(results.get(i));
            }
            this.sizes.record(batch.size());
        }
        catch (RuntimeException ex) {
            batch.forEach((waiting) -> waiting.result().completeExceptionally(ex));
        }
    }

    /** Stops the batch thread: callers still waiting are failed. */
    @Override
    public void close() {
        if (this.thread != null) {
            this.thread.interrupt();
        }
    }

    private record Waiting<I, O>(I item, CompletableFuture<O> result) {

    }

}
