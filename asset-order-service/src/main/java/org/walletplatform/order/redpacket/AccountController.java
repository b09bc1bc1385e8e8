package org.walletplatform.order.redpacket;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A person's red-packet account. */
@RestController
class AccountController {

    private final Balances balances;

    private final PresentedTokens presented;

    private final Accounts accounts;

    AccountController(Balances balances, PresentedTokens presented, Accounts accounts) {
        this.balances = balances;
        this.presented = presented;
        this.accounts = accounts;
    }

    @Operation(summary = "Settle the account's pending packets now",
            description = "Idempotent: what is settled already is not booked again. Answers the balance after.")
    @PostMapping("/v1/accounts/{actId}/settlement")
    AccountBalance settle(@PathVariable @Positive long actId) {
        this.accounts.settlePending(actId);
        return this.balances.of(actId);
    }

    @Operation(summary = "Balance (settled + pending) and cumulative income",
            description = "Right at once after issuance: packets not yet settled count as pending.")
    @GetMapping("/v1/accounts/{actId}/balance")
    AccountBalance balance(@PathVariable @Positive long actId) {
        return this.balances.of(actId);
    }

    @Operation(summary = "Present a red-packet token the client holds",
            description = "201 when the platform had lost the packet and restored it (it settles as usual), 200 "
                    + "when it holds it already. Refused: malformed, unknown key, bad signature (forged or altered), "
                    + "another account's token, a settled one (replay), an expired one.")
    @PostMapping("/v1/accounts/{actId}/tokens")
    ResponseEntity<Presented> present(@PathVariable @Positive long actId, @Valid @RequestBody PresentRequest request) {
        PresentedTokens.Outcome outcome = this.presented.present(actId, request.token());
        return ResponseEntity.status((outcome == PresentedTokens.Outcome.RESTORED) ? HttpStatus.CREATED : HttpStatus.OK)
            .body(new Presented(outcome.name().toLowerCase(java.util.Locale.ROOT)));
    }

    record PresentRequest(@NotBlank @Size(max = 2048) String token) {
    }

    record Presented(String outcome) {
    }

}
