package org.walletplatform.read.wallet;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Positive;
import org.walletplatform.model.wallet.WalletView;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A user's wallet: every business line's assets in one view. The plain case is answered
 * before it gets here, by {@link WalletFastPath}; this is the documented route, and it
 * answers what the fast path passes on (a malformed id).
 */
@RestController
class WalletController {

    private final WalletAnswers answers;

    WalletController(WalletAnswers answers) {
        this.answers = answers;
    }

    @Operation(summary = "A user's assets grouped by business line",
            description = "Amounts in minor units with each line's snapshot version. 400 problem+json for a "
                    + "non-numeric or non-positive user id.")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = WalletView.class)))
    @GetMapping(path = "/v1/wallet/{userId}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> wallet(@PathVariable @Positive long userId) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(this.answers.answer(userId));
    }

}
