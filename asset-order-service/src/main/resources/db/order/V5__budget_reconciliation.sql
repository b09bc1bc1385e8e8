-- What a budget_lease row is: a lease, a return on shutdown, or, when reconciliation closes a dead lessee's
-- account, the budget it reclaimed and what the lessee's orders spent (ids derived from scene and lessee, so each
-- happens once).
ALTER TABLE budget_lease ADD COLUMN kind VARCHAR(16) NOT NULL DEFAULT 'lease';
-- Reconciliation sums a dead lessee's orders.
ALTER TABLE reward_order_0 ADD INDEX idx_reward_order_lessee (lessee);
ALTER TABLE reward_order_1 ADD INDEX idx_reward_order_lessee (lessee);
