-- Inventory: stock items, recipes of menu items and modifiers, the per-outlet stock ledger and its
-- running levels, suppliers and purchase orders. Runs unchanged on PostgreSQL and H2 (DATABASE_TO_LOWER).
-- Quantities are in the stock item's unit at scale 3; costs are per unit at scale 4.

CREATE TABLE stock_item (
    id              BIGINT PRIMARY KEY,
    version         BIGINT NOT NULL DEFAULT 0,
    sku             VARCHAR(40) NOT NULL,
    name            VARCHAR(120) NOT NULL,
    unit            VARCHAR(8) NOT NULL,
    reorder_level   NUMERIC(14, 3) NOT NULL,
    unit_cost       NUMERIC(14, 4) NOT NULL,
    average_cost    NUMERIC(14, 4) NOT NULL,
    allow_negative  BOOLEAN NOT NULL DEFAULT FALSE,
    active          BOOLEAN NOT NULL DEFAULT TRUE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ux_stock_item_sku UNIQUE (sku),
    CONSTRAINT ck_stock_item_unit CHECK (unit IN ('G', 'KG', 'ML', 'L', 'EACH')),
    CONSTRAINT ck_stock_item_amounts CHECK (reorder_level >= 0 AND unit_cost >= 0 AND average_cost >= 0)
);

-- One ingredient of one portion of a menu item or a modifier. target_id has no foreign key because
-- it names a row of menu_item or of modifier depending on target_kind.
CREATE TABLE recipe_line (
    id              BIGINT PRIMARY KEY,
    version         BIGINT NOT NULL DEFAULT 0,
    target_kind     VARCHAR(10) NOT NULL,
    target_id       BIGINT NOT NULL,
    stock_item_id   BIGINT NOT NULL REFERENCES stock_item (id),
    quantity        NUMERIC(14, 3) NOT NULL,
    unit            VARCHAR(8) NOT NULL,
    line_no         INTEGER NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ux_recipe_line UNIQUE (target_kind, target_id, stock_item_id),
    CONSTRAINT ck_recipe_kind CHECK (target_kind IN ('ITEM', 'MODIFIER')),
    CONSTRAINT ck_recipe_quantity CHECK (quantity > 0),
    CONSTRAINT ck_recipe_unit CHECK (unit IN ('G', 'KG', 'ML', 'L', 'EACH'))
);

-- The running on-hand of an item at an outlet: the row every stock change locks, updated in the
-- same transaction as the movement that explains it. low remembers that stock.low was announced.
CREATE TABLE stock_level (
    outlet_id       BIGINT NOT NULL REFERENCES outlet (id),
    stock_item_id   BIGINT NOT NULL REFERENCES stock_item (id),
    on_hand         NUMERIC(14, 3) NOT NULL,
    low             BOOLEAN NOT NULL DEFAULT FALSE,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (outlet_id, stock_item_id)
);

-- The append-only ledger: on-hand is the sum of quantity per outlet and item.
CREATE TABLE stock_movement (
    id              BIGINT PRIMARY KEY,
    outlet_id       BIGINT NOT NULL REFERENCES outlet (id),
    stock_item_id   BIGINT NOT NULL REFERENCES stock_item (id),
    reason          VARCHAR(20) NOT NULL,
    quantity        NUMERIC(14, 3) NOT NULL,
    unit_cost       NUMERIC(14, 4) NOT NULL,
    reference       VARCHAR(120),
    note            VARCHAR(500),
    username        VARCHAR(120) NOT NULL,
    at              TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ck_movement_reason CHECK (reason IN ('SALE', 'REFUND', 'PURCHASE', 'WASTE', 'COUNT', 'CORRECTION',
        'TRANSFER_OUT', 'TRANSFER_IN'))
);

CREATE INDEX ix_movement_outlet_item_at ON stock_movement (outlet_id, stock_item_id, at);
CREATE INDEX ix_movement_outlet_at ON stock_movement (outlet_id, at);
CREATE INDEX ix_movement_reference ON stock_movement (reference);

-- One row per order reference that was deducted (SALE) or restored (REFUND): what makes deduct and
-- restore idempotent. The primary key also stops two racing duplicates.
CREATE TABLE stock_order_posting (
    reference       VARCHAR(120) NOT NULL,
    kind            VARCHAR(10) NOT NULL,
    outlet_id       BIGINT NOT NULL REFERENCES outlet (id),
    at              TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (reference, kind),
    CONSTRAINT ck_order_posting_kind CHECK (kind IN ('SALE', 'REFUND'))
);

CREATE TABLE supplier (
    id              BIGINT PRIMARY KEY,
    version         BIGINT NOT NULL DEFAULT 0,
    name            VARCHAR(120) NOT NULL,
    email           VARCHAR(254),
    phone           VARCHAR(40),
    address         VARCHAR(300),
    active          BOOLEAN NOT NULL DEFAULT TRUE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ux_supplier_name UNIQUE (name)
);

CREATE TABLE purchase_order (
    id              BIGINT PRIMARY KEY,
    version         BIGINT NOT NULL DEFAULT 0,
    supplier_id     BIGINT NOT NULL REFERENCES supplier (id),
    outlet_id       BIGINT NOT NULL REFERENCES outlet (id),
    status          VARCHAR(20) NOT NULL,
    created_by      VARCHAR(120) NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ck_po_status CHECK (status IN ('DRAFT', 'SENT', 'PARTIALLY_RECEIVED', 'RECEIVED', 'CANCELLED'))
);

CREATE INDEX ix_po_outlet ON purchase_order (outlet_id);

CREATE TABLE purchase_order_line (
    id                  BIGINT PRIMARY KEY,
    order_id            BIGINT NOT NULL REFERENCES purchase_order (id),
    stock_item_id       BIGINT NOT NULL REFERENCES stock_item (id),
    quantity            NUMERIC(14, 3) NOT NULL,
    unit_cost           NUMERIC(14, 4) NOT NULL,
    received_quantity   NUMERIC(14, 3) NOT NULL DEFAULT 0,
    line_no             INTEGER NOT NULL,
    CONSTRAINT ux_po_line_item UNIQUE (order_id, stock_item_id),
    CONSTRAINT ck_po_line_amounts CHECK (quantity > 0 AND unit_cost >= 0 AND received_quantity >= 0
        AND received_quantity <= quantity)
);
