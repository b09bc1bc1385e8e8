package org.walletplatform.order.flow;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The wallet flow page of a red-packet account. */
@RestController
class FlowController {

    private final WalletFlow flow;

    FlowController(WalletFlow flow) {
        this.flow = flow;
    }

    @Operation(summary = "Settlements, withdrawals and C2C packets, newest first",
            description = "Pass nextCursor back as cursor for the next page; the order is stable while new entries "
                    + "arrive. partial is true when a source could not answer (its items may be missing).")
    @GetMapping("/v1/accounts/{actId}/flow")
    FlowPage page(@PathVariable @Positive long actId, @RequestParam(required = false) @Size(max = 512) String cursor,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return this.flow.page(actId, cursor, limit);
    }

}
