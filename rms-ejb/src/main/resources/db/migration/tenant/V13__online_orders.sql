-- Online orders (issue 12): an order a partner sent, backed by a point-of-sale order of channel ONLINE
-- (pos_order holds its lines, prices and payments). One partner's reference names one online order
-- (ux_online_order_ref); fingerprint is a SHA-256 of what the first request asked, so a repeat is told
-- from a conflicting reuse of the reference. accept_by is when a RECEIVED order is rejected
-- automatically (the auto-reject timer reads ix_online_order_due). (Only CREATE here: see V6 on ALTER
-- TABLE and H2; the outlets' online settings are a table of their own for that reason.)

CREATE TABLE online_order (
    id                  BIGINT PRIMARY KEY,
    version             BIGINT NOT NULL DEFAULT 0,
    partner_id          BIGINT NOT NULL REFERENCES partner (id),
    external_ref        VARCHAR(100) NOT NULL,
    fingerprint         VARCHAR(64) NOT NULL,
    order_id            BIGINT NOT NULL REFERENCES pos_order (id),
    outlet_id           BIGINT NOT NULL REFERENCES outlet (id),
    status              VARCHAR(20) NOT NULL,
    customer_name       VARCHAR(120) NOT NULL,
    customer_phone      VARCHAR(40),
    customer_email      VARCHAR(254),
    fulfilment          VARCHAR(10) NOT NULL,
    address             VARCHAR(500),
    requested_at        TIMESTAMP WITH TIME ZONE,
    notes               VARCHAR(500),
    payment_method      VARCHAR(20) NOT NULL,
    accept_by           TIMESTAMP WITH TIME ZONE NOT NULL,
    estimated_ready_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    reason              VARCHAR(300),
    changed_by          VARCHAR(100),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ux_online_order_ref UNIQUE (partner_id, external_ref),
    CONSTRAINT ux_online_order_order UNIQUE (order_id),
    CONSTRAINT ck_online_order_status CHECK (status IN ('RECEIVED', 'ACCEPTED', 'PREPARING', 'READY', 'COMPLETED',
        'REJECTED', 'CANCELLED')),
    CONSTRAINT ck_online_order_fulfilment CHECK (fulfilment IN ('PICKUP', 'DELIVERY')),
    CONSTRAINT ck_online_order_address CHECK (fulfilment = 'PICKUP' OR address IS NOT NULL),
    CONSTRAINT ck_online_order_payment CHECK (payment_method IN ('PREPAID', 'CARD', 'CASH_ON_DELIVERY'))
);

CREATE INDEX ix_online_order_due ON online_order (status, accept_by);
CREATE INDEX ix_online_order_outlet ON online_order (outlet_id, created_at);

-- An outlet's online settings, optional (a missing row or column: the defaults, 10 and 20 minutes):
-- how long a RECEIVED order waits for acceptance, and the preparation time a new order's estimated
-- ready time counts on.
CREATE TABLE online_outlet_setting (
    outlet_id           BIGINT PRIMARY KEY REFERENCES outlet (id),
    accept_minutes      INTEGER CHECK (accept_minutes BETWEEN 1 AND 240),
    ready_minutes       INTEGER CHECK (ready_minutes BETWEEN 1 AND 240)
);
