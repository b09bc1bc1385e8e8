package org.walletplatform.order.walletline;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Positive;
import org.walletplatform.model.line.AssetItem;
import org.walletplatform.model.line.AssetSnapshot;
import org.walletplatform.model.line.SnapshotPaths;
import org.walletplatform.order.redpacket.AccountBalance;
import org.walletplatform.order.redpacket.Balances;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The business-line snapshot API (docs/business-line-contract.md) over red-packet
 * accounts: the wallet's user id is the person's actID, the one asset their balance
 * (settled + pending), the version the balance's change version.
 */
@RestController
class RedPacketLineController {

    private final Balances balances;

    private final WalletLineProperties properties;

    RedPacketLineController(Balances balances, WalletLineProperties properties) {
        this.balances = balances;
        this.properties = properties;
    }

    @Operation(summary = "A person's red-packet balance as a business-line snapshot, for the wallet")
    @GetMapping("/lines/redpacket" + SnapshotPaths.ONE)
    AssetSnapshot snapshot(@PathVariable @Positive long userId) {
        AccountBalance balance = this.balances.of(userId);
        List<AssetItem> assets = (balance.version() == 0) ? List.of()
                : List.of(new AssetItem("red-packet-balance", "cash", "Red packets", balance.balanceMinor(), "CNY"));
        return new AssetSnapshot(userId, this.properties.line(), balance.version(), assets);
    }

}
