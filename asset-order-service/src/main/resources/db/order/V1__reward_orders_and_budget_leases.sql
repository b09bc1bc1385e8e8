-- Reward orders, sharded by act_id (see order-sharding-*.yaml). The order number is the primary key: it embeds
-- the act_id, so one number always routes to one shard and the key is unique platform-wide.
CREATE TABLE IF NOT EXISTS reward_order_0 (
    order_no      VARCHAR(160) NOT NULL,
    act_id        BIGINT       NOT NULL,
    activity_id   VARCHAR(40)  NOT NULL,
    scene_id      VARCHAR(40)  NOT NULL,
    rain_id       VARCHAR(40)  NOT NULL,
    award_type    VARCHAR(16)  NOT NULL,
    stage         INT          NOT NULL,
    amount_minor  BIGINT       NOT NULL,
    payload       JSON         NOT NULL,
    request_hash  CHAR(64)     NOT NULL,
    state         VARCHAR(16)  NOT NULL,
    lessee        VARCHAR(64)  NOT NULL,
    created_at_ms BIGINT       NOT NULL,
    updated_at_ms BIGINT       NOT NULL,
    PRIMARY KEY (order_no),
    KEY idx_reward_order_scene_lessee (scene_id, lessee)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE IF NOT EXISTS reward_order_1 LIKE reward_order_0;

-- Budget leased by an instance from a scene's shared counter in Redis: one row per lease (a negative amount is
-- a return). Present in every shard; the store writes and reads it in shard ds_0 only.
CREATE TABLE IF NOT EXISTS budget_lease (
    lease_id     VARCHAR(40) NOT NULL,
    scene_id     VARCHAR(40) NOT NULL,
    lessee       VARCHAR(64) NOT NULL,
    amount_minor BIGINT      NOT NULL,
    leased_at_ms BIGINT      NOT NULL,
    PRIMARY KEY (lease_id),
    KEY idx_budget_lease_scene_lessee (scene_id, lessee)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
