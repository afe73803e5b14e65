-- Every completion of an order, so a paid order can be re-opened (by a manager) and completed again:
-- each completion deducts its stock under its own reference (order-N for the first, order-N/2 for
-- the second, ...) and the re-opening sends the events that reverse exactly that completion. The
-- completion's event id lets a re-opening wait until the sale it reverses has been applied.
-- (Only CREATE here: see V6 on ALTER TABLE and H2.)

CREATE TABLE order_completion (
    order_id            BIGINT NOT NULL REFERENCES pos_order (id),
    seq                 INTEGER NOT NULL,
    stock_reference     VARCHAR(60) NOT NULL,
    event_id            VARCHAR(36) NOT NULL,
    total               NUMERIC(14, 3) NOT NULL,
    completed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    reopened_at         TIMESTAMP WITH TIME ZONE,
    reopened_by         VARCHAR(100),
    reopen_approved_by  VARCHAR(100),
    reopen_reason       VARCHAR(200),
    reopen_event_id     VARCHAR(36),
    PRIMARY KEY (order_id, seq)
);

-- Orders completed before this migration: their one completion, with the event of its side effects.
INSERT INTO order_completion (order_id, seq, stock_reference, event_id, total, completed_at)
SELECT o.id, 1, CONCAT('order-', o.id), e.event_id, o.total, o.completed_at
FROM pos_order o
JOIN outbox e ON e.aggregate_id = CONCAT('order:', o.id) AND e.event_type = 'order.completed'
WHERE o.completed_at IS NOT NULL;
