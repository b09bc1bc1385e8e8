package org.walletplatform.order.withdrawal;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import org.walletplatform.support.caller.Callers;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Withdrawals from a red-packet account. */
@RestController
class WithdrawalController {

    private final WithdrawalService withdrawals;

    WithdrawalController(WithdrawalService withdrawals) {
        this.withdrawals = withdrawals;
    }

    @Operation(summary = "Withdraw from the settled balance (pending packets are settled first)",
            description = "201 with the withdrawal (paid, refunded, or paying while the payment's outcome is "
                    + "unknown); a retry with the same number answers it as it stands (200, replay); other content "
                    + "under the same number is 409. 422 when the balance is short, 429 past the limits.")
    @PostMapping("/v1/withdrawals")
    ResponseEntity<Withdrawal> withdraw(@Valid @RequestBody WithdrawalRequest request) {
        Callers.requireMayActFor(request.actId());
        Withdrawal withdrawal = this.withdrawals.withdraw(request);
        return ResponseEntity.status(withdrawal.replay() ? HttpStatus.OK : HttpStatus.CREATED).body(withdrawal);
    }

    @Operation(summary = "A withdrawal and its state")
    @GetMapping("/v1/accounts/{actId}/withdrawals/{withdrawalNo}")
    Withdrawal find(@PathVariable @Positive long actId,
            @PathVariable @Pattern(regexp = "[A-Za-z0-9_-]{1,64}") String withdrawalNo) {
        return this.withdrawals.find(actId, withdrawalNo);
    }

}
