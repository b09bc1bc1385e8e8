package org.walletplatform.simulator.line;

import java.util.List;
import java.util.Map;

import org.walletplatform.model.line.AssetSnapshot;
import org.walletplatform.model.line.SnapshotBatchRequest;
import org.walletplatform.model.line.SnapshotBatchResponse;

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
 * The business-line snapshot contract, served for every simulated line under
 * {@code /lines/{line}}, plus a control endpoint to inject faults.
 */
@RestController
class SnapshotController {

    private final SimulatedLines lines;

    SnapshotController(SimulatedLines lines) {
        this.lines = lines;
    }

    @GetMapping("/lines/{line}/v1/snapshots/{userId}")
    ResponseEntity<Object> snapshot(@PathVariable String line, @PathVariable long userId) throws InterruptedException {
        SimulatedLine simulated = this.lines.get(line);
        Fault fault = simulated.fault();
        if (fault.affects(userId)) {
            switch (fault.mode()) {
                case "slow" -> Thread.sleep(fault.delayMs());
                case "fail" -> {
                    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
                }
                case "malformed" -> {
                    return ResponseEntity.ok(Map.of("userId", userId, "assets", "not-a-list"));
                }
                default -> {
                }
            }
        }
        return ResponseEntity.ok(simulated.snapshot(userId));
    }

    @PostMapping("/lines/{line}/v1/snapshots:batch")
    ResponseEntity<Object> snapshots(@PathVariable String line, @RequestBody SnapshotBatchRequest request)
            throws InterruptedException {
        SimulatedLine simulated = this.lines.get(line);
        if (!simulated.offersBatch()) {
            throw new UnknownLineException(line + "/v1/snapshots:batch");
        }
        List<Long> userIds = (request.userIds() != null) ? request.userIds() : List.of();
        if (userIds.size() > SnapshotBatchRequest.MAX_USERS) {
            return ResponseEntity.badRequest().build();
        }
        Fault fault = simulated.fault();
        if (userIds.stream().anyMatch(fault::affects)) {
            switch (fault.mode()) {
                case "slow" -> Thread.sleep(fault.delayMs());
                case "fail" -> {
                    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
                }
                default -> {
                }
            }
        }
        List<AssetSnapshot> snapshots = userIds.stream()
            .filter((u) -> !("malformed".equals(fault.mode()) && fault.affects(u)))
            .map(simulated::snapshot)
            .toList();
        return ResponseEntity.ok(new SnapshotBatchResponse(snapshots));
    }

    /**
     * The current version of consecutive users, so a load test knows when the wallet has
     * caught up.
     */
    @GetMapping("/sim/lines/{line}/versions")
    long[] versions(@PathVariable String line, @RequestParam long firstUserId, @RequestParam int userCount) {
        SimulatedLine simulated = this.lines.get(line);
        long[] versions = new long[Math.max(0, Math.min(userCount, 1_000_000))];
        for (int i = 0; i < versions.length; i++) {
            versions[i] = simulated.version(firstUserId + i);
        }
        return versions;
    }

    @PutMapping("/sim/lines/{line}/fault")
    Fault setFault(@PathVariable String line, @RequestBody Fault fault) {
        this.lines.get(line).setFault(fault);
        return fault;
    }

}
