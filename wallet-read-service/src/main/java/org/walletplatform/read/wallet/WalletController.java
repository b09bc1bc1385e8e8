package org.walletplatform.read.wallet;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Positive;
import org.walletplatform.model.wallet.WalletView;
import org.walletplatform.read.refresh.EntryRefresher;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A user's wallet: every business line's assets in one view.
 */
@RestController
class WalletController {

    private final WalletReader reader;

    private final EntryRefresher refresher;

    WalletController(WalletReader reader, EntryRefresher refresher) {
        this.reader = reader;
        this.refresher = refresher;
    }

    @Operation(summary = "A user's assets grouped by business line",
            description = "Amounts in minor units with each line's snapshot version. 400 problem+json for a "
                    + "non-numeric or non-positive user id.")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = WalletView.class)))
    @GetMapping("/v1/wallet/{userId}")
    RenderedWallet wallet(@PathVariable @Positive long userId) {
        RenderedWallet wallet = this.reader.readRendered(userId);
        this.refresher.onEntry(userId, wallet.source());
        return wallet;
    }

}
