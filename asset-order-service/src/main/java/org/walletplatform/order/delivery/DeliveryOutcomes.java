package org.walletplatform.order.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.walletplatform.order.reward.RewardOrder;
import org.walletplatform.order.reward.RewardOrderStore;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Writes delivery outcomes to the orders in batches: one UPDATE per target state for up
 * to {@value #BATCH} orders, instead of one per order (through ShardingSphere, the
 * statement overhead dominates a single-row update). An outcome lost with a crash before
 * its batch is written leaves the order accepted or delivering, and the janitor delivers
 * it again, which the downstream answers idempotently.
 */
@Component
class DeliveryOutcomes implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryOutcomes.class);

    private static final int BATCH = 500;

    private final BlockingQueue<Outcome> queue = new LinkedBlockingQueue<>();

    private final RewardOrderStore store;

    private final MeterRegistry meters;

    private volatile Thread writer;

    DeliveryOutcomes(RewardOrderStore store, MeterRegistry meters) {
        this.store = store;
        this.meters = meters;
    }

    /**
     * Records that {@code order} reached {@code state}, to be written with the next
     * batch.
     */
    void record(RewardOrder order, String state) {
        this.queue.add(new Outcome(order, state));
    }

    /** The states an order may be in when it moves to {@code state}. */
    static List<String> from(String state) {
        return RewardOrder.DELIVERING.equals(state) ? List.of(RewardOrder.ACCEPTED)
                : List.of(RewardOrder.ACCEPTED, RewardOrder.DELIVERING);
    }

    private void writeBatches() {
        List<Outcome> batch = new ArrayList<>(BATCH);
        while (this.writer == Thread.currentThread() || !this.queue.isEmpty()) {
            try {
                Outcome first = this.queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                this.queue.drainTo(batch, BATCH - 1);
                write(batch);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
            finally {
                batch.clear();
            }
        }
    }

    private void write(List<Outcome> batch) {
        Map<String, List<RewardOrder>> byState = batch.stream()
            .collect(Collectors.groupingBy(Outcome::state, Collectors.mapping(Outcome::order, Collectors.toList())));
        byState.forEach((state, orders) -> {
            try {
                int moved = this.store.transitionAll(orders, from(state), state);
                this.meters.counter("order.delivery", "result", state).increment(moved);
            }
            catch (RuntimeException ex) {
                log.warn("{} delivery outcomes not written; the janitor resolves those orders: {}", orders.size(),
                        ex.toString());
            }
        });
    }

    @Override
    public void start() {
        Thread thread = Thread.ofVirtual().name("delivery-outcomes").unstarted(this::writeBatches);
        this.writer = thread; // before it runs: it stops once it is no longer the writer
        thread.start();
    }

    @Override
    public void stop() {
        Thread running = this.writer;
        this.writer = null; // the writer drains what is queued, then ends
        if (running != null) {
            try {
                running.join(5_000);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return this.writer != null;
    }

    /**
     * Delivery stops after the web server (phase of graceful shutdown) and before the
     * pools.
     */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1024;
    }

    private record Outcome(RewardOrder order, String state) {

    }

}
