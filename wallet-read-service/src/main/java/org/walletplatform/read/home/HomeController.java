package org.walletplatform.read.home;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Positive;
import org.walletplatform.model.wallet.HomeView;
import org.walletplatform.model.wallet.WalletView;
import org.walletplatform.read.refresh.EntryRefresher;
import org.walletplatform.read.wallet.WalletReader;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The wallet's home-page entry: four quick-access slots and totals.
 */
@RestController
class HomeController {

    private final WalletReader reader;

    private final DisplayConfigSource display;

    private final EntryRefresher refresher;

    HomeController(WalletReader reader, DisplayConfigSource display, EntryRefresher refresher) {
        this.reader = reader;
        this.display = display;
        this.refresher = refresher;
    }

    @Operation(summary = "The four quick-access slots with the user's amounts, and totals per unit",
            description = "400 problem+json for a non-numeric or non-positive user id.")
    @GetMapping("/v1/wallet/{userId}/home")
    HomeView home(@PathVariable @Positive long userId) {
        WalletView wallet = this.reader.read(userId);
        this.refresher.onEntry(wallet.userId(), wallet.source());
        return HomeAssembler.assemble(wallet, this.display.forUser(wallet.userId()));
    }

}
