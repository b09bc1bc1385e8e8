-- The delivery janitor looks for orders stuck in a state since before some time.
ALTER TABLE reward_order_0 ADD INDEX idx_reward_order_state_updated (state, updated_at_ms);
ALTER TABLE reward_order_1 ADD INDEX idx_reward_order_state_updated (state, updated_at_ms);
