-- Point of sale: orders and their lines, payments and refunds, kitchen tickets, cash sessions; plus
-- the idempotency keys of the API and the transactional outbox of side-effect events.
-- Money is stored at scale 3 (enough for every ISO currency) and computed at the currency's scale.

CREATE TABLE pos_order (
    id                  BIGINT PRIMARY KEY,
    version             BIGINT NOT NULL DEFAULT 0,
    outlet_id           BIGINT NOT NULL REFERENCES outlet (id),
    channel             VARCHAR(12) NOT NULL,
    table_id            BIGINT REFERENCES dining_table (id),
    customer_id         BIGINT,
    status              VARCHAR(20) NOT NULL,
    currency            VARCHAR(3) NOT NULL,
    subtotal            NUMERIC(14, 3) NOT NULL,
    discount_total      NUMERIC(14, 3) NOT NULL,
    tax_total           NUMERIC(14, 3) NOT NULL,
    total               NUMERIC(14, 3) NOT NULL,
    tips                NUMERIC(14, 3) NOT NULL,
    paid                NUMERIC(14, 3) NOT NULL,
    refunded            NUMERIC(14, 3) NOT NULL,
    discount_type       VARCHAR(8),
    discount_value      NUMERIC(14, 3),
    discount_reason     VARCHAR(200),
    discount_approved_by VARCHAR(80),
    void_reason         VARCHAR(200),
    voided_by           VARCHAR(80),
    created_by          VARCHAR(80) NOT NULL,
    completed_at        TIMESTAMP WITH TIME ZONE,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ck_order_channel CHECK (channel IN ('DINE_IN', 'TAKEAWAY', 'DELIVERY', 'ONLINE')),
    CONSTRAINT ck_order_status CHECK (status IN ('OPEN', 'SENT', 'COMPLETED', 'VOIDED', 'REFUNDED', 'PARTIALLY_REFUNDED'))
);
CREATE INDEX ix_order_outlet_created ON pos_order (outlet_id, created_at);
CREATE INDEX ix_order_status ON pos_order (status, created_at);

CREATE TABLE kitchen_ticket (
    id                  BIGINT PRIMARY KEY,
    version             BIGINT NOT NULL DEFAULT 0,
    order_id            BIGINT NOT NULL REFERENCES pos_order (id),
    outlet_id           BIGINT NOT NULL REFERENCES outlet (id),
    table_id            BIGINT,
    station             VARCHAR(40) NOT NULL,
    course              INTEGER NOT NULL,
    status              VARCHAR(12) NOT NULL,
    fired_at            TIMESTAMP WITH TIME ZONE,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ck_ticket_status CHECK (status IN ('HELD', 'NEW', 'IN_PROGRESS', 'READY', 'SERVED'))
);
CREATE INDEX ix_ticket_outlet_status ON kitchen_ticket (outlet_id, status);
CREATE INDEX ix_ticket_order ON kitchen_ticket (order_id);

-- modifiers: the chosen modifiers as sold, JSON [{id, name, priceDelta}].
CREATE TABLE order_line (
    id                  BIGINT PRIMARY KEY,
    version             BIGINT NOT NULL DEFAULT 0,
    order_id            BIGINT NOT NULL REFERENCES pos_order (id),
    line_no             INTEGER NOT NULL,
    menu_item_id        BIGINT NOT NULL,
    sku                 VARCHAR(40) NOT NULL,
    name                VARCHAR(120) NOT NULL,
    category_id         BIGINT NOT NULL,
    category_name       VARCHAR(80) NOT NULL,
    station             VARCHAR(40) NOT NULL,
    course              INTEGER NOT NULL,
    quantity            INTEGER NOT NULL,
    unit_price          NUMERIC(14, 3) NOT NULL,
    modifiers           VARCHAR(4000) NOT NULL,
    note                VARCHAR(200),
    tax_rate_id         BIGINT NOT NULL,
    tax_rate            NUMERIC(7, 3) NOT NULL,
    tax_inclusive       BOOLEAN NOT NULL,
    amount              NUMERIC(14, 3) NOT NULL,
    discount            NUMERIC(14, 3) NOT NULL,
    net                 NUMERIC(14, 3) NOT NULL,
    tax                 NUMERIC(14, 3) NOT NULL,
    total               NUMERIC(14, 3) NOT NULL,
    status              VARCHAR(8) NOT NULL,
    ticket_id           BIGINT REFERENCES kitchen_ticket (id),
    void_reason         VARCHAR(200),
    voided_by           VARCHAR(80),
    void_approved_by    VARCHAR(80),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ck_line_status CHECK (status IN ('ACTIVE', 'VOIDED')),
    CONSTRAINT ck_line_quantity CHECK (quantity BETWEEN 1 AND 999)
);
CREATE INDEX ix_line_order ON order_line (order_id);

CREATE TABLE cash_session (
    id                  BIGINT PRIMARY KEY,
    version             BIGINT NOT NULL DEFAULT 0,
    outlet_id           BIGINT NOT NULL REFERENCES outlet (id),
    status              VARCHAR(8) NOT NULL,
    opening_float       NUMERIC(14, 3) NOT NULL,
    opened_by           VARCHAR(80) NOT NULL,
    opened_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_by           VARCHAR(80),
    closed_at           TIMESTAMP WITH TIME ZONE,
    counted_cash        NUMERIC(14, 3),
    expected_cash       NUMERIC(14, 3),
    z_report            VARCHAR(8000),
    -- the outlet while open, null once closed: at most one open session per outlet
    open_outlet_id      BIGINT,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ck_cash_status CHECK (status IN ('OPEN', 'CLOSED')),
    CONSTRAINT ux_cash_one_open UNIQUE (open_outlet_id)
);
CREATE INDEX ix_cash_session_outlet ON cash_session (outlet_id, opened_at);

-- Payments: provider_key is the idempotency key given to the card provider, so a retried charge is one charge.
CREATE TABLE payment (
    id                  BIGINT PRIMARY KEY,
    version             BIGINT NOT NULL DEFAULT 0,
    order_id            BIGINT NOT NULL REFERENCES pos_order (id),
    outlet_id           BIGINT NOT NULL REFERENCES outlet (id),
    method              VARCHAR(16) NOT NULL,
    status              VARCHAR(12) NOT NULL,
    currency            VARCHAR(3) NOT NULL,
    amount              NUMERIC(14, 3) NOT NULL,
    tip                 NUMERIC(14, 3) NOT NULL,
    tendered            NUMERIC(14, 3),
    change_due          NUMERIC(14, 3),
    refunded            NUMERIC(14, 3) NOT NULL,
    provider_ref        VARCHAR(120),
    provider_key        VARCHAR(120) NOT NULL,
    decline_code        VARCHAR(60),
    decline_message     VARCHAR(200),
    cash_session_id     BIGINT REFERENCES cash_session (id),
    -- the tender that settles the order holds its stock (V6): only its failure releases the hold
    holds_stock         BOOLEAN NOT NULL DEFAULT FALSE,
    created_by          VARCHAR(80) NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ck_payment_method CHECK (method IN ('CASH', 'CARD', 'GIFT_CARD', 'LOYALTY_POINTS')),
    CONSTRAINT ck_payment_status CHECK (status IN ('PENDING', 'SUCCEEDED', 'DECLINED')),
    CONSTRAINT ux_payment_provider_key UNIQUE (provider_key)
);
CREATE INDEX ix_payment_order ON payment (order_id);
CREATE INDEX ix_payment_session ON payment (cash_session_id);

CREATE TABLE refund (
    id                  BIGINT PRIMARY KEY,
    version             BIGINT NOT NULL DEFAULT 0,
    order_id            BIGINT NOT NULL REFERENCES pos_order (id),
    payment_id          BIGINT NOT NULL REFERENCES payment (id),
    outlet_id           BIGINT NOT NULL REFERENCES outlet (id),
    method              VARCHAR(16) NOT NULL,
    amount              NUMERIC(14, 3) NOT NULL,
    reason              VARCHAR(200) NOT NULL,
    provider_ref        VARCHAR(120),
    cash_session_id     BIGINT REFERENCES cash_session (id),
    approved_by         VARCHAR(80) NOT NULL,
    created_by          VARCHAR(80) NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_refund_order ON refund (order_id);
CREATE INDEX ix_refund_session ON refund (cash_session_id);

-- The API's Idempotency-Key: the request's fingerprint and, once done, the response to replay.
CREATE TABLE idempotency_key (
    idem_key            VARCHAR(255) PRIMARY KEY,
    request_hash        VARCHAR(64) NOT NULL,
    state               VARCHAR(10) NOT NULL,
    response_status     INTEGER,
    response_type       VARCHAR(60),
    response_body       VARCHAR(200000),
    locked_until        TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ck_idem_state CHECK (state IN ('IN_FLIGHT', 'DONE'))
);
CREATE INDEX ix_idem_created ON idempotency_key (created_at);

-- Events committed with the change that caused them, relayed to the JMS queues after commit.
CREATE TABLE outbox (
    id                  BIGINT PRIMARY KEY,
    event_id            VARCHAR(36) NOT NULL,
    event_type          VARCHAR(60) NOT NULL,
    aggregate_id        VARCHAR(60) NOT NULL,
    queues              VARCHAR(200) NOT NULL,
    payload             VARCHAR(200000) NOT NULL,
    attempts            INTEGER NOT NULL DEFAULT 0,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    published_at        TIMESTAMP WITH TIME ZONE,
    CONSTRAINT ux_outbox_event UNIQUE (event_id)
);
CREATE INDEX ix_outbox_pending ON outbox (published_at, id);
