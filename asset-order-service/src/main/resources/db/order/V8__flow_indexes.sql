-- The wallet flow page reads an account's settlements and withdrawals newest first, from a cursor.
ALTER TABLE rp_entry_0 ADD INDEX idx_rp_entry_act_created (act_id, created_at_ms, entry_no);
ALTER TABLE rp_entry_1 ADD INDEX idx_rp_entry_act_created (act_id, created_at_ms, entry_no);
ALTER TABLE withdrawal_0 ADD INDEX idx_withdrawal_act_created (act_id, created_at_ms, withdrawal_no);
ALTER TABLE withdrawal_1 ADD INDEX idx_withdrawal_act_created (act_id, created_at_ms, withdrawal_no);
