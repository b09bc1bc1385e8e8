package org.walletplatform.order.budget;

import java.util.Map;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import org.walletplatform.model.ProblemTypes;
import org.walletplatform.support.problem.ApiProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Budget reconciliation for ops: the last report, and a round on demand. */
@RestController
class BudgetAdminController {

    private final BudgetReconciler reconciler;

    BudgetAdminController(BudgetReconciler reconciler) {
        this.reconciler = reconciler;
    }

    @Operation(summary = "The last budget reconciliation: budget reclaimed from dead instances, and mismatches",
            description = "404 until the first round has run.")
    @GetMapping("/admin/budgets/reconciliation")
    BudgetReport last() {
        return Optional.ofNullable(this.reconciler.lastReport())
            .orElseThrow(() -> new ApiProblemException(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND,
                    "No reconciliation yet", "No budget reconciliation round has run yet.", Map.of()));
    }

    @Operation(summary = "Run a budget reconciliation round now")
    @PostMapping("/admin/budgets/reconciliation")
    BudgetReport run() {
        return this.reconciler.reconcile();
    }

}
