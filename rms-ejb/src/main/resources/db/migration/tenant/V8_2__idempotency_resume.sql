-- A quick sale (POST /orders with payments) whose order was stored but whose tenders were not all
-- taken: its Idempotency-Key points at that order, so a retry with the key pays the tenders not yet
-- taken on the same order instead of creating a second one. Written in the order's transaction (a
-- crash right after it still leaves the link), removed when the sale is paid in full; a key's purge
-- takes its row along. (Only CREATE here: see V6 on ALTER TABLE and H2.)

CREATE TABLE idempotency_resume (
    idem_key            VARCHAR(255) PRIMARY KEY REFERENCES idempotency_key (idem_key) ON DELETE CASCADE,
    order_id            BIGINT NOT NULL REFERENCES pos_order (id),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
