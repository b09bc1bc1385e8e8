package org.walletplatform.simulator.c2c;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.walletplatform.model.redpacket.C2cFlowContract;
import org.walletplatform.model.redpacket.C2cFlowContract.C2cItem;
import org.walletplatform.model.redpacket.C2cFlowContract.C2cPage;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A simulated C2C red-packet service (C2cFlowContract under {@code /c2c}): every account
 * has 50 packets sent and received over the 50 hours before 2026-11-01, plus whatever is
 * added through {@code POST /sim/c2c/accounts/{actId}/items}. {@code PUT /sim/c2c/fault}
 * makes it fail ({@code {"mode":"fail"}}), answer slowly ({@code "slow"},
 * {@code delayMs}) or recover ({@code "none"}).
 */
@RestController
class C2cFlowController {

    private static final long HISTORY_END_MS = Instant.parse("2026-11-01T00:00:00Z").toEpochMilli();

    private final Map<Long, List<C2cItem>> added = new ConcurrentHashMap<>();

    private final AtomicReference<Fault> fault = new AtomicReference<>(new Fault("none", 0));

    @GetMapping("/c2c" + C2cFlowContract.FLOW_PATH)
    ResponseEntity<C2cPage> flow(@PathVariable long actId, @RequestParam(required = false) Long beforeMs,
            @RequestParam(defaultValue = "") String beforeId, @RequestParam(defaultValue = "20") int limit)
            throws InterruptedException {
        Fault current = this.fault.get();
        if ("fail".equals(current.mode())) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
        }
        if ("slow".equals(current.mode())) {
            Thread.sleep(current.delayMs());
        }
        List<C2cItem> all = new ArrayList<>(this.added.getOrDefault(actId, List.of()));
        for (int k = 0; k < 50; k++) {
            all.add(new C2cItem("c2c-%d-%05d".formatted(actId, k), HISTORY_END_MS - k * 3_600_000L, 1 + (k * 37) % 500,
                    (k % 2 == 0) ? "received" : "sent", "act-" + (actId + k + 1)));
        }
        List<C2cItem> page = all.stream()
            .filter((item) -> beforeMs == null || item.atMs() < beforeMs
                    || (item.atMs() == beforeMs && item.id().compareTo(beforeId) < 0))
            .sorted(Comparator.comparingLong(C2cItem::atMs).thenComparing(C2cItem::id).reversed())
            .limit(Math.clamp(limit, 1, 100))
            .toList();
        return ResponseEntity.ok(new C2cPage(page));
    }

    @PostMapping("/sim/c2c/accounts/{actId}/items")
    C2cItem add(@PathVariable long actId, @RequestBody NewItem item) {
        C2cItem created = new C2cItem("c2c-%d-n%d".formatted(actId, System.nanoTime()), System.currentTimeMillis(),
                item.amountMinor(), item.kind(), item.counterparty());
        this.added.computeIfAbsent(actId, (a) -> new CopyOnWriteArrayList<>()).add(created);
        return created;
    }

    @PutMapping("/sim/c2c/fault")
    Fault fault(@RequestBody Fault fault) {
        this.fault.set(fault);
        return fault;
    }

    record NewItem(long amountMinor, String kind, String counterparty) {
    }

    record Fault(String mode, long delayMs) {
    }

}
