-- Near-real-time reconciliation reads the entries and accounts written since its last round: without these indexes
-- every round scanned the whole ledger (13 s of MariaDB time a minute at ~3 million entries).
ALTER TABLE rp_entry_0 ADD INDEX idx_rp_entry_created (created_at_ms);
ALTER TABLE rp_entry_1 ADD INDEX idx_rp_entry_created (created_at_ms);
ALTER TABLE rp_account_0 ADD INDEX idx_rp_account_updated (updated_at_ms);
ALTER TABLE rp_account_1 ADD INDEX idx_rp_account_updated (updated_at_ms);
-- A token signed in a batch carries its Merkle path: up to ~1,100 characters at the largest batch (1,024 tokens)
-- with the longest fields, past the 1,024 a token alone needed.
ALTER TABLE reward_order_0 MODIFY COLUMN token VARCHAR(2048) NULL;
ALTER TABLE reward_order_1 MODIFY COLUMN token VARCHAR(2048) NULL;
