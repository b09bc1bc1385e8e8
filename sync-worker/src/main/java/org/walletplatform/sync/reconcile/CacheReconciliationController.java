package org.walletplatform.sync.reconcile;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import org.walletplatform.model.ProblemTypes;
import org.walletplatform.store.reconcile.ReconciliationRun;
import org.walletplatform.support.problem.ApiProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Ops start the wallet cache's reconciliation and watch it (through the gateway:
 * {@code /admin/sync/reconciliation}).
 */
@RestController
class CacheReconciliationController {

    private final CacheReconciliationJob job;

    CacheReconciliationController(CacheReconciliationJob job) {
        this.job = job;
    }

    @Operation(summary = "Start a reconciliation of the wallet cache against MySQL; 409 while one runs")
    @PostMapping("/admin/reconciliation")
    ResponseEntity<ReconciliationRun> start() {
        return this.job.start()
            .map((run) -> ResponseEntity.accepted().body(run))
            .orElseThrow(() -> new ApiProblemException(HttpStatus.CONFLICT, ProblemTypes.RECONCILIATION_RUNNING,
                    "Reconciliation running",
                    "A reconciliation runs already: a GET of this resource shows its progress.", Map.of()));
    }

    @Operation(summary = "The last reconciliation of the wallet cache, or the one running")
    @GetMapping("/admin/reconciliation")
    ReconciliationRun last() {
        return this.job.last()
            .orElseThrow(() -> new ApiProblemException(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND,
                    "No reconciliation yet", "No reconciliation of the wallet cache has run yet.", Map.of()));
    }

}
