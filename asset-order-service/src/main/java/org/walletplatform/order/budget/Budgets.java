package org.walletplatform.order.budget;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.walletplatform.order.scene.Scene;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * This instance's budget shares, one per scene, leased under one lessee id (a fresh one
 * per start, so a restarted instance never spends what its predecessor leased). The
 * lessee keeps a heartbeat key in Redis; {@link BudgetReconciler} returns the unspent
 * leases of lessees whose heartbeat is gone. So that nothing reclaimed is ever spent, an
 * instance stops spending a share once its heartbeat has not been renewed for two thirds
 * of its lifetime, and if the heartbeat did lapse it drops its shares and continues under
 * a new lessee id. On a clean shutdown the unspent rest goes back to the shared counters.
 * The heartbeat has a thread of its own: with virtual threads, Spring runs every
 * fixed-delay job on one scheduler thread, where a janitor waiting on a busy MySQL held
 * it up until it lapsed.
 */
@Component
public class Budgets implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Budgets.class);

    /**
     * Stops after the web server has drained its requests (its graceful shutdown stops in
     * a higher phase) and before Redis's connection factory (phase 0): a give-back in
     * {@code @PreDestroy} found Redis stopped, after MySQL had recorded the return.
     */
    static final int PHASE = 100;

    private volatile boolean running;

    private final BudgetLedger ledger;

    private final StringRedisTemplate redis;

    private final Duration heartbeatTtl;

    private final Duration heartbeatInterval;

    private volatile Tenure tenure;

    private final Object lifecycle = new Object();

    private ScheduledExecutorService heartbeats;

    @Autowired
    Budgets(BudgetLedger ledger, StringRedisTemplate redis, BudgetProperties properties) {
        this.ledger = ledger;
        this.redis = redis;
        this.heartbeatTtl = properties.heartbeatTtl();
        this.heartbeatInterval = properties.heartbeatInterval();
    }

    /** An instance without a heartbeat, whose shares never lapse (tests, benchmarks). */
    Budgets(BudgetLedger ledger, String lessee) {
        this.ledger = ledger;
        this.redis = null;
        this.heartbeatTtl = null;
        this.heartbeatInterval = null;
        this.tenure = new Tenure(lessee, ledger, System.nanoTime() + Long.MAX_VALUE / 2);
    }

    static String heartbeatKey(String lessee) {
        return "order:lessee:{" + lessee + "}";
    }

    /**
     * Takes {@code amount} of the scene's budget for one order; returns the lessee it was
     * taken under, to be stored with the order.
     * @throws StockLowException when the scene has not that much left above its reserve
     */
    public String take(Scene scene, long amount) {
        Tenure current = current();
        current.share(scene).take(amount);
        return current.lessee();
    }

    /**
     * Returns an amount taken under {@code lessee} for an order that was not written (a
     * replay, a failure). If that tenure has ended, the amount stays with the old lessee
     * for reconciliation.
     */
    public void putBack(Scene scene, long amount, String lessee) {
        Tenure current = this.tenure;
        if (current != null && current.lessee().equals(lessee)) {
            current.share(scene).putBack(amount);
        }
    }

    /** Renews the heartbeat; after a lapse, starts a new tenure. */
    void heartbeat() {
        try {
            renew();
        }
        catch (RuntimeException ex) {
            log.warn("Budget heartbeat not renewed; shares stop being spent when it runs out: {}", ex.toString());
        }
    }

    private Tenure current() {
        Tenure current = this.tenure;
        if (current != null && current.valid()) {
            return current;
        }
        return renew();
    }

    private synchronized Tenure renew() {
        long started = System.nanoTime();
        // spend only within two thirds of the key's life, measured from before the call
        long validUntil = started + this.heartbeatTtl.toNanos() * 2 / 3;
        Tenure current = this.tenure;
        if (current != null && Boolean.TRUE.equals(
                this.redis.opsForValue().setIfPresent(heartbeatKey(current.lessee()), "alive", this.heartbeatTtl))) {
            current.validUntilNanos = validUntil;
            return current;
        }
        if (current != null) {
            log.warn("Budget heartbeat of {} lapsed; its unspent shares are left to reconciliation", current.lessee());
        }
        Tenure fresh = new Tenure(Tenure.freshLessee(), this.ledger, validUntil);
        this.redis.opsForValue().set(heartbeatKey(fresh.lessee()), "alive", this.heartbeatTtl);
        this.tenure = fresh;
        return fresh;
    }

    @Override
    public void start() {
        synchronized (this.lifecycle) {
            if (this.redis != null && this.heartbeats == null) {
                this.heartbeats = Executors
                    .newSingleThreadScheduledExecutor(Thread.ofPlatform().name("budget-heartbeat").daemon().factory());
                long every = this.heartbeatInterval.toMillis();
                this.heartbeats.scheduleWithFixedDelay(this::heartbeat, 0, every, TimeUnit.MILLISECONDS);
            }
            this.running = true;
        }
    }

    @Override
    public void stop() {
        synchronized (this.lifecycle) {
            // no renewal after the give-back deletes the key: it would start a new tenure
            stopHeartbeats();
            giveBackAll();
            this.running = false;
        }
    }

    private void stopHeartbeats() {
        if (this.heartbeats == null) {
            return;
        }
        this.heartbeats.shutdownNow();
        try {
            this.heartbeats.awaitTermination(2, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        this.heartbeats = null;
    }

    @Override
    public boolean isRunning() {
        return this.running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    public void giveBackAll() {
        Tenure current = this.tenure;
        if (current == null) {
            return;
        }
        // a return recorded before its lease would leave reconciliation a negative net
        int unrecorded = this.ledger.recordPending();
        if (unrecorded > 0) {
            log.warn("{} leases are not recorded in MySQL yet; they stay parked for any instance to record",
                    unrecorded);
        }
        current.shares().forEach((share) -> {
            try {
                share.giveBackRest();
            }
            catch (RuntimeException ex) {
                log.warn("Could not give back unspent budget; reconciliation will find it: {}", ex.toString());
            }
        });
        if (this.redis != null) {
            try {
                this.redis.delete(heartbeatKey(current.lessee()));
            }
            catch (RuntimeException ex) {
                log.debug("Heartbeat not deleted; it runs out by itself: {}", ex.toString());
            }
        }
    }

}
