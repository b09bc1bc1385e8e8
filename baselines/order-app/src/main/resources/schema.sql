CREATE TABLE IF NOT EXISTS bare_order (
    order_no      VARCHAR(160) NOT NULL,
    act_id        BIGINT       NOT NULL,
    amount_minor  BIGINT       NOT NULL,
    payload       JSON         NOT NULL,
    created_at_ms BIGINT       NOT NULL,
    PRIMARY KEY (order_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
