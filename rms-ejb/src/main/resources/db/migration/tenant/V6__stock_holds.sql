-- Stock held for orders being paid: the last tender of an order holds what its lines consume (under
-- the same level locks as every stock change) before the card is charged, so two devices cannot both
-- sell the last portion; the inventory consumer turns the hold into the SALE movements, a failed
-- payment or a voided order releases it. What is held of an outlet's item is the sum of its holds,
-- read and changed only under the lock of that item's stock_level row. (No ALTER TABLE here: on H2
-- altering a table while other tenants' schemas migrate in parallel can time out on H2's lock.)

CREATE TABLE stock_hold (
    reference       VARCHAR(60) NOT NULL,
    stock_item_id   BIGINT NOT NULL REFERENCES stock_item (id),
    outlet_id       BIGINT NOT NULL REFERENCES outlet (id),
    quantity        NUMERIC(14, 3) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (reference, stock_item_id)
);
CREATE INDEX ix_stock_hold_outlet ON stock_hold (outlet_id, stock_item_id);
