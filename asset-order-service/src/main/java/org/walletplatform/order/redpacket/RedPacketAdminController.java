package org.walletplatform.order.redpacket;

import java.util.Map;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Pattern;
import org.walletplatform.model.ProblemTypes;
import org.walletplatform.support.problem.ApiProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Red-packet reconciliation for ops: the last report of a scope, and a round on demand.
 */
@RestController
class RedPacketAdminController {

    private final RedPacketReconciler reconciler;

    RedPacketAdminController(RedPacketReconciler reconciler) {
        this.reconciler = reconciler;
    }

    @Operation(summary = "The last red-packet reconciliation of a scope (recent: every minute; totals: hourly)")
    @GetMapping("/admin/redpacket/reconciliation/{scope}")
    RedPacketReconciler.Report last(@PathVariable @Pattern(regexp = "recent|totals") String scope) {
        return Optional.ofNullable(this.reconciler.last(scope))
            .orElseThrow(() -> new ApiProblemException(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND,
                    "No reconciliation yet", "No " + scope + " reconciliation has run yet.", Map.of()));
    }

    @Operation(summary = "Run a red-packet reconciliation round of a scope now")
    @PostMapping("/admin/redpacket/reconciliation/{scope}")
    RedPacketReconciler.Report run(@PathVariable @Pattern(regexp = "recent|totals") String scope) {
        return this.reconciler.run(scope);
    }

}
