package org.walletplatform.order.redpacket;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Positive;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A person's red-packet account. */
@RestController
class AccountController {

    private final Balances balances;

    AccountController(Balances balances) {
        this.balances = balances;
    }

    @Operation(summary = "Balance (settled + pending) and cumulative income",
            description = "Right at once after issuance: packets not yet settled count as pending.")
    @GetMapping("/v1/accounts/{actId}/balance")
    AccountBalance balance(@PathVariable @Positive long actId) {
        return this.balances.of(actId);
    }

}
