-- The red-packet ledger, sharded by act_id like the orders (the same algorithm, so an account's order, entries
-- and balance row always share a database and settle in one local transaction). Entries are append-only; the
-- account row is derived from them and updated in single statements only.
CREATE TABLE IF NOT EXISTS rp_entry_0 (
    entry_no      VARCHAR(160) NOT NULL,
    act_id        BIGINT       NOT NULL,
    kind          VARCHAR(16)  NOT NULL,
    amount_minor  BIGINT       NOT NULL,
    balance_after BIGINT       NOT NULL,
    version       BIGINT       NOT NULL,
    created_at_ms BIGINT       NOT NULL,
    PRIMARY KEY (entry_no),
    UNIQUE KEY uk_rp_entry_act_version (act_id, version)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE IF NOT EXISTS rp_entry_1 LIKE rp_entry_0;

CREATE TABLE IF NOT EXISTS rp_account_0 (
    act_id        BIGINT NOT NULL,
    balance_minor BIGINT NOT NULL,
    income_minor  BIGINT NOT NULL,
    version       BIGINT NOT NULL,
    updated_at_ms BIGINT NOT NULL,
    PRIMARY KEY (act_id),
    CONSTRAINT ck_rp_account_not_negative CHECK (balance_minor >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE IF NOT EXISTS rp_account_1 LIKE rp_account_0;

-- The app a request named the person by, and for a cash red packet the signed token (a replay answers it).
ALTER TABLE reward_order_0 ADD COLUMN app_id VARCHAR(32) NULL, ADD COLUMN token VARCHAR(1024) NULL;
ALTER TABLE reward_order_1 ADD COLUMN app_id VARCHAR(32) NULL, ADD COLUMN token VARCHAR(1024) NULL;
