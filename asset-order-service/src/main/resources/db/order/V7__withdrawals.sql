-- Withdrawals, sharded by act_id with the ledger (a withdrawal's record, its debit and the account row commit in
-- one local transaction). The withdrawal number is the client's idempotency key, unique per account.
CREATE TABLE IF NOT EXISTS withdrawal_0 (
    act_id        BIGINT      NOT NULL,
    withdrawal_no VARCHAR(64) NOT NULL,
    amount_minor  BIGINT      NOT NULL,
    state         VARCHAR(16) NOT NULL,
    request_hash  CHAR(64)    NOT NULL,
    created_at_ms BIGINT      NOT NULL,
    updated_at_ms BIGINT      NOT NULL,
    PRIMARY KEY (act_id, withdrawal_no),
    KEY idx_withdrawal_state_updated (state, updated_at_ms)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE IF NOT EXISTS withdrawal_1 LIKE withdrawal_0;
