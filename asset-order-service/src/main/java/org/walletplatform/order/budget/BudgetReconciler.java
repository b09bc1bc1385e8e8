package org.walletplatform.order.budget;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.walletplatform.order.budget.LeaseTable.OpenLease;
import org.walletplatform.order.budget.BudgetReport.Mismatch;
import org.walletplatform.order.budget.BudgetReport.Reclaim;
import org.walletplatform.order.scene.Scene;
import org.walletplatform.order.scene.Scenes;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Budget reconciliation. A lessee whose heartbeat has been gone for {@code deadGrace}
 * died holding leases: what it leased minus what its orders issued is returned to each
 * scene's counter, once. Every run also checks that no lessee issued more than it leased,
 * and that each scene's Redis counter equals the leases MySQL recorded. The last report
 * is kept in Redis for the admin endpoint; {@code order.budget.mismatches} counts what
 * needs a person, {@code order.budget.reclaimed} what was returned.
 */
@Component
class BudgetReconciler {

    private static final Logger log = LoggerFactory.getLogger(BudgetReconciler.class);

    static final String LOCK = "order:budget:reconciler";

    /** Lessee → when it was first seen without a heartbeat (epoch ms). */
    static final String DEAD_SINCE = "order:budget:dead-since";

    static final String REPORT = "order:budget:report";

    private final BudgetLedger ledger;

    private final LeaseTable table;

    private final IssuedOrders orders;

    private final List<UnsettledIssues> unsettled;

    private final Scenes scenes;

    private final StringRedisTemplate redis;

    private final JsonMapper json;

    private final MeterRegistry meters;

    private final Clock clock;

    private final BudgetProperties properties;

    private final AtomicInteger mismatches = new AtomicInteger();

    private final String instance = UUID.randomUUID().toString();

    BudgetReconciler(BudgetLedger ledger, LeaseTable table, IssuedOrders orders, List<UnsettledIssues> unsettled,
            Scenes scenes, StringRedisTemplate redis, JsonMapper json, MeterRegistry meters, Clock clock,
            BudgetProperties properties) {
        this.ledger = ledger;
        this.table = table;
        this.orders = orders;
        this.unsettled = unsettled;
        this.scenes = scenes;
        this.redis = redis;
        this.json = json;
        this.meters = meters;
        this.clock = clock;
        this.properties = properties;
        Gauge.builder("order.budget.mismatches", this.mismatches, AtomicInteger::get)
            .description("Budget figures that do not add up, found by the last reconciliation on this instance")
            .register(meters);
        Gauge.builder("order.budget.leases.unrecorded", ledger, BudgetLedger::unrecordedLeases)
            .description("Leases granted and not recorded in MySQL yet (an outage), as of this instance's last look")
            .register(meters);
    }

    @Scheduled(initialDelayString = "${order.budget.reconcile-interval:60s}",
            fixedDelayString = "${order.budget.reconcile-interval:60s}")
    void reconcileIfDue() {
        try {
            Duration lock = this.properties.reconcileInterval().multipliedBy(9).dividedBy(10);
            if (Boolean.TRUE.equals(this.redis.opsForValue().setIfAbsent(LOCK, this.instance, lock))) {
                reconcile();
            }
        }
        catch (RuntimeException ex) {
            log.warn("Budget reconciliation failed; the next round tries again: {}", ex.toString());
        }
    }

    /** One reconciliation round. */
    BudgetReport reconcile() {
        Instant now = this.clock.instant();
        List<Reclaim> reclaimed = new ArrayList<>();
        List<Mismatch> found = new ArrayList<>();
        Map<String, List<OpenLease>> open = this.table.openLeases()
            .stream()
            .collect(Collectors.groupingBy(OpenLease::lessee));
        open.forEach((lessee, leases) -> deadSince(lessee, now).ifPresent((since) -> {
            // what it issued before it died must be counted first (cash packets settle
            // later)
            if (this.unsettled.stream().anyMatch((issues) -> issues.anyIssuedBefore(since))) {
                return;
            }
            List<OpenLease> due = leases.stream()
                .filter((lease) -> now.toEpochMilli() - since >= graceOf(lease.sceneId()).toMillis())
                .toList();
            if (!due.isEmpty()) {
                settle(lessee, due, reclaimed, found);
            }
            if (due.size() == leases.size()) {
                this.redis.opsForHash().delete(DEAD_SINCE, lessee);
            }
        }));
        this.ledger.accountedLeased().forEach((sceneId, recorded) -> {
            long counted = this.ledger.leasedInRedis(sceneId);
            // a lease in flight is counted in Redis a moment before it is recorded
            if (counted != recorded
                    && this.ledger.leasedInRedis(sceneId) != this.ledger.accountedLeased().getOrDefault(sceneId, 0L)) {
                found.add(new Mismatch("counter-differs", sceneId, null, counted, recorded));
            }
        });
        BudgetReport report = new BudgetReport(now, reclaimed, found);
        this.mismatches.set(found.size());
        if (!found.isEmpty()) {
            log.error("Budget reconciliation found mismatches: {}", found);
        }
        this.redis.opsForValue().set(REPORT, this.json.writeValueAsString(report));
        return report;
    }

    /** The last report any instance stored. */
    BudgetReport lastReport() {
        String stored = this.redis.opsForValue().get(REPORT);
        return (stored != null) ? this.json.readValue(stored, BudgetReport.class) : null;
    }

    /**
     * Since when the lessee has been seen without a heartbeat; empty while it has one.
     */
    private Optional<Long> deadSince(String lessee, Instant now) {
        if (Boolean.TRUE.equals(this.redis.hasKey(Budgets.heartbeatKey(lessee)))) {
            this.redis.opsForHash().delete(DEAD_SINCE, lessee);
            return Optional.empty();
        }
        this.redis.opsForHash().putIfAbsent(DEAD_SINCE, lessee, Long.toString(now.toEpochMilli()));
        return Optional.ofNullable(this.redis.opsForHash().get(DEAD_SINCE, lessee))
            .map((stored) -> Long.parseLong(stored.toString()));
    }

    /** The scene's own grace, or the platform's. */
    private Duration graceOf(String budgetId) {
        return this.scenes.find(Scene.sceneOf(budgetId))
            .map(Scene::reconcileDeadGrace)
            .orElse(this.properties.deadGrace());
    }

    private void settle(String lessee, List<OpenLease> leases, List<Reclaim> reclaimed, List<Mismatch> found) {
        Map<String, Long> issued = this.orders.issuedBy(lessee);
        for (OpenLease lease : leases) {
            long spent = issued.getOrDefault(lease.sceneId(), 0L);
            long stranded = lease.netMinor() - spent;
            if (stranded < 0) {
                found.add(new Mismatch("issued-above-lease", lease.sceneId(), lessee, lease.netMinor(), spent));
            }
            else if (this.ledger.closeDeadLessee(lease.sceneId(), lessee, stranded, spent)) {
                reclaimed.add(new Reclaim(lease.sceneId(), lessee, lease.netMinor(), spent, stranded));
                this.meters.counter("order.budget.reclaimed", "scene", lease.sceneId()).increment(stranded);
                log.info("Reclaimed {} of scene {} from dead lessee {}", stranded, lease.sceneId(), lessee);
            }
        }
    }

}
