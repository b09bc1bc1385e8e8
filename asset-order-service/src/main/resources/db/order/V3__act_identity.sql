-- Cross-app identity: which actID each app account and each phone number belongs to, and explicit merges of two
-- actIDs. Present in every shard; the store uses them in shard ds_0 only (single tables). Phone numbers are kept
-- as SHA-256 of their normalized form.
CREATE TABLE IF NOT EXISTS act_id_seq (
    act_id        BIGINT NOT NULL AUTO_INCREMENT,
    created_at_ms BIGINT NOT NULL,
    PRIMARY KEY (act_id)
) ENGINE = InnoDB AUTO_INCREMENT = 2000000000000 DEFAULT CHARSET = utf8mb4;

CREATE TABLE IF NOT EXISTS act_account (
    app_id      VARCHAR(32) NOT NULL,
    app_user_id VARCHAR(64) NOT NULL,
    act_id      BIGINT      NOT NULL,
    bound_at_ms BIGINT      NOT NULL,
    PRIMARY KEY (app_id, app_user_id),
    KEY idx_act_account_act (act_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE IF NOT EXISTS act_phone (
    phone_hash  CHAR(64) NOT NULL,
    act_id      BIGINT   NOT NULL,
    bound_at_ms BIGINT   NOT NULL,
    PRIMARY KEY (phone_hash)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE IF NOT EXISTS act_merge (
    from_act_id  BIGINT       NOT NULL,
    into_act_id  BIGINT       NOT NULL,
    actor        VARCHAR(64)  NOT NULL,
    reason       VARCHAR(200) NOT NULL,
    merged_at_ms BIGINT       NOT NULL,
    PRIMARY KEY (from_act_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
