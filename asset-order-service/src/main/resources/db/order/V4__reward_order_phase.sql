-- The activity phase an order was issued in: test orders have their own budget and are never delivered.
ALTER TABLE reward_order_0 ADD COLUMN phase VARCHAR(16) NOT NULL DEFAULT 'production';
ALTER TABLE reward_order_1 ADD COLUMN phase VARCHAR(16) NOT NULL DEFAULT 'production';
