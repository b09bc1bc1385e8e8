package org.walletplatform.store.snapshot;

import com.baomidou.mybatisplus.annotation.TableName;

/**
 * A row of the logical table {@code wallet_asset_snapshot}: the latest snapshot of one
 * user's assets in one business line. Stays inside the store; callers see
 * {@code AssetSnapshot} and {@code LineAssets}.
 */
@TableName("wallet_asset_snapshot")
public class AssetSnapshotRow {

    private Long userId;

    private String businessLine;

    private Long version;

    /** The assets as JSON, an array of {@code AssetItem}. */
    private String assets;

    private Long syncedAtMs;

    public AssetSnapshotRow() {
    }

    public Long getUserId() {
        return this.userId;
    }

    public void setUserId(Long userId) {
        this.userId = userId;
    }

    public String getBusinessLine() {
        return this.businessLine;
    }

    public void setBusinessLine(String businessLine) {
        this.businessLine = businessLine;
    }

    public Long getVersion() {
        return this.version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    public String getAssets() {
        return this.assets;
    }

    public void setAssets(String assets) {
        this.assets = assets;
    }

    public Long getSyncedAtMs() {
        return this.syncedAtMs;
    }

    public void setSyncedAtMs(Long syncedAtMs) {
        this.syncedAtMs = syncedAtMs;
    }

}
