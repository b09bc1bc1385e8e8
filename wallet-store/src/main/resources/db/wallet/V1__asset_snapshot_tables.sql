-- Latest asset snapshot per (user, business line); no history. Each physical shard database holds every
-- physical table of the logical table wallet_asset_snapshot (see sharding-*.yaml for the routing rule).
CREATE TABLE IF NOT EXISTS wallet_asset_snapshot_0 (
    user_id       BIGINT      NOT NULL,
    business_line VARCHAR(32) NOT NULL,
    version       BIGINT      NOT NULL,
    assets        JSON        NOT NULL,
    synced_at_ms  BIGINT      NOT NULL,
    PRIMARY KEY (user_id, business_line)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE IF NOT EXISTS wallet_asset_snapshot_1 LIKE wallet_asset_snapshot_0;
