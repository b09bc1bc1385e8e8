package org.walletplatform.simulator.downstream;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.walletplatform.model.reward.GrantContract;
import org.walletplatform.model.reward.GrantContract.Grant;
import org.walletplatform.model.reward.GrantContract.GrantRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stand-ins for the reward downstreams the order center delivers to (coupon, voucher,
 * item systems), on the contract of {@link GrantContract}: a grant is keyed by the order
 * number, so a repeated delivery applies once. Faults per downstream: {@code fail} (503,
 * nothing applied), {@code lost-reply} (applied, then 503: the caller cannot know),
 * {@code slow} (answers after {@code delayMs}); {@code count} limits a fault to the next
 * n calls.
 */
@RestController
class GrantController {

    private final Map<String, Map<String, Grant>> grants = new ConcurrentHashMap<>();

    private final Map<String, AtomicInteger> applications = new ConcurrentHashMap<>();

    private final Map<String, DownstreamFault> faults = new ConcurrentHashMap<>();

    @PutMapping(GrantContract.GRANT_PATH)
    ResponseEntity<Grant> grant(@PathVariable String kind, @PathVariable String orderNo,
            @RequestBody GrantRequest request) throws InterruptedException {
        DownstreamFault fault = this.faults.getOrDefault(kind, DownstreamFault.NONE);
        boolean faulty = fault.take();
        if (faulty && "slow".equals(fault.mode())) {
            Thread.sleep(fault.delayMs());
        }
        if (faulty && "fail".equals(fault.mode())) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
        }
        Grant grant = this.grants.computeIfAbsent(kind, (k) -> new ConcurrentHashMap<>())
            .computeIfAbsent(orderNo, (o) -> {
                this.applications.computeIfAbsent(kind + "/" + orderNo, (k) -> new AtomicInteger()).incrementAndGet();
                return new Grant(orderNo, kind + "-" + UUID.randomUUID(), request.actId(), request.amountMinor(),
                        Instant.now());
            });
        if (faulty && "lost-reply".equals(fault.mode())) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
        }
        return ResponseEntity.ok(grant);
    }

    @GetMapping(GrantContract.GRANT_PATH)
    ResponseEntity<Grant> find(@PathVariable String kind, @PathVariable String orderNo) {
        Grant grant = this.grants.getOrDefault(kind, Map.of()).get(orderNo);
        return (grant != null) ? ResponseEntity.ok(grant) : ResponseEntity.notFound().build();
    }

    /**
     * How many times a grant was applied (tests: exactly once however often delivered).
     */
    @GetMapping("/sim/downstreams/{kind}/grants/{orderNo}/applications")
    int applications(@PathVariable String kind, @PathVariable String orderNo) {
        AtomicInteger count = this.applications.get(kind + "/" + orderNo);
        return (count != null) ? count.get() : 0;
    }

    @PutMapping("/sim/downstreams/{kind}/fault")
    DownstreamFault fault(@PathVariable String kind, @RequestBody DownstreamFault fault) {
        DownstreamFault installed = new DownstreamFault(fault.mode(), fault.delayMs(), fault.count());
        this.faults.put(kind, installed);
        return installed;
    }

}
