package org.walletplatform.sync.reconcile;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.walletplatform.store.reconcile.CacheReconciler;
import org.walletplatform.store.reconcile.ReconciliationRun;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Starts the wallet cache's reconciliation against MySQL every night (T+1) and when ops
 * ask; a run goes on in the background, one at a time across the sync workers.
 */
@Component
class CacheReconciliationJob {

    private static final Logger log = LoggerFactory.getLogger(CacheReconciliationJob.class);

    private final CacheReconciler reconciler;

    private final ExecutorService runs = Executors
        .newThreadPerTaskExecutor(Thread.ofVirtual().name("cache-reconciliation").factory());

    CacheReconciliationJob(CacheReconciler reconciler) {
        this.reconciler = reconciler;
    }

    @Scheduled(cron = "${wallet.reconciliation.cron:0 30 3 * * *}")
    void nightly() {
        if (start().isEmpty()) {
            log.info("Nightly wallet cache reconciliation skipped: one runs already");
        }
    }

    /** The run as it starts, or empty when one runs already. */
    Optional<ReconciliationRun> start() {
        return this.reconciler.start(this.runs);
    }

    Optional<ReconciliationRun> last() {
        return this.reconciler.last();
    }

    @PreDestroy
    void close() {
        this.runs.shutdownNow();
    }

}
