-- The side effects of a sale: the events each consumer has applied, customers and their loyalty
-- points, and the sales facts analytics reads.
-- Runs unchanged on PostgreSQL and H2 (DATABASE_TO_LOWER).

-- The outbox itself is the POS migration's (V4).

-- One row per (consumer, event) applied, written in the same transaction as the effect: a
-- redelivered or republished event finds its row and changes nothing.
CREATE TABLE processed_event (
    consumer        VARCHAR(40) NOT NULL,
    event_id        VARCHAR(36) NOT NULL,
    event_type      VARCHAR(60) NOT NULL,
    processed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (consumer, event_id)
);

-- The minimum customer the POS needs: found or created by phone or email (stored normalised:
-- digits with an optional leading +, lower-case email), a points balance. Anonymising clears the
-- personal fields and keeps the row, so order history and loyalty transactions stay consistent.
CREATE TABLE customer (
    id              BIGINT PRIMARY KEY,
    version         BIGINT NOT NULL DEFAULT 0,
    name            VARCHAR(120),
    phone           VARCHAR(32),
    email           VARCHAR(254),
    points          BIGINT NOT NULL DEFAULT 0,
    anonymised      BOOLEAN NOT NULL DEFAULT FALSE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ux_customer_phone UNIQUE (phone),
    CONSTRAINT ux_customer_email UNIQUE (email)
);

-- The points ledger: the balance is the sum of points per customer. EARN on a completed order,
-- REFUND and VOID take back (part of) what the order earned; amount is the money the row is based on.
CREATE TABLE loyalty_transaction (
    id              BIGINT PRIMARY KEY,
    customer_id     BIGINT NOT NULL REFERENCES customer (id),
    kind            VARCHAR(10) NOT NULL,
    points          BIGINT NOT NULL,
    amount          NUMERIC(14, 2),
    order_id        BIGINT,
    event_id        VARCHAR(36),
    note            VARCHAR(200),
    balance_after   BIGINT NOT NULL,
    at              TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ck_loyalty_kind CHECK (kind IN ('EARN', 'REFUND', 'VOID'))
);
CREATE INDEX ix_loyalty_customer ON loyalty_transaction (customer_id, at);
CREATE INDEX ix_loyalty_order ON loyalty_transaction (order_id);

-- One row per order line per sale event. A void writes the negated rows, a refund rows scaled by
-- refunded amount / order total; summing a group therefore gives what was really sold. Business
-- day and hour are in the outlet's time zone.
CREATE TABLE sales_fact (
    id              BIGINT PRIMARY KEY,
    event_id        VARCHAR(36) NOT NULL,
    kind            VARCHAR(10) NOT NULL,
    order_id        BIGINT NOT NULL,
    order_number    VARCHAR(40),
    line_id         BIGINT NOT NULL,
    outlet_id       BIGINT NOT NULL,
    staff           VARCHAR(120),
    channel         VARCHAR(20),
    menu_item_id    BIGINT,
    sku             VARCHAR(40),
    item_name       VARCHAR(120),
    category_id     BIGINT,
    category_name   VARCHAR(120),
    currency        VARCHAR(3),
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    business_day    DATE NOT NULL,
    business_hour   INTEGER NOT NULL,
    quantity        INTEGER NOT NULL,
    net             NUMERIC(14, 2) NOT NULL,
    tax             NUMERIC(14, 2) NOT NULL,
    gross           NUMERIC(14, 2) NOT NULL,
    CONSTRAINT ck_sales_fact_kind CHECK (kind IN ('SALE', 'REFUND', 'VOID')),
    CONSTRAINT ck_sales_fact_hour CHECK (business_hour BETWEEN 0 AND 23)
);
CREATE INDEX ix_sales_fact_day ON sales_fact (business_day, outlet_id);
CREATE INDEX ix_sales_fact_order ON sales_fact (order_id, line_id);
