package org.walletplatform.order.walletline;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.walletplatform.model.line.AssetItem;
import org.walletplatform.model.line.AssetSnapshot;
import org.walletplatform.model.line.SnapshotBatchRequest;
import org.walletplatform.model.line.SnapshotBatchResponse;
import org.walletplatform.model.line.SnapshotPaths;
import org.walletplatform.order.redpacket.AccountBalance;
import org.walletplatform.order.redpacket.Balances;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The business-line snapshot API (docs/business-line-contract.md) over red-packet
 * accounts: the wallet's user id is the person's actID, the one asset their balance
 * (settled + pending), the version the balance's change version. It offers the batch
 * call, so a red-packet rain over many accounts is pulled a hundred accounts at a time.
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
        return snapshot(this.balances.of(userId));
    }

    @Operation(summary = "Many people's red-packet balances as business-line snapshots, in one call for the wallet")
    @PostMapping("/lines/redpacket" + SnapshotPaths.BATCH)
    SnapshotBatchResponse snapshots(@RequestBody @Valid SnapshotBatch request) {
        return new SnapshotBatchResponse(
                this.balances.of(request.userIds().stream().distinct().toList()).stream().map(this::snapshot).toList());
    }

    private AssetSnapshot snapshot(AccountBalance balance) {
        List<AssetItem> assets = (balance.version() == 0) ? List.of()
                : List.of(new AssetItem("red-packet-balance", "cash", "Red packets", balance.balanceMinor(), "CNY"));
        return new AssetSnapshot(balance.actId(), this.properties.line(), balance.version(), assets);
    }

    /** The batch call's body (SnapshotBatchRequest of the contract), validated. */
    record SnapshotBatch(@NotNull @Size(max = SnapshotBatchRequest.MAX_USERS) List<@NotNull @Positive Long> userIds) {

    }

}
