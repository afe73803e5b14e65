-- A tenant's own schema: outlets, tables, staff and the audit trail.
-- Runs unchanged on PostgreSQL and H2 (DATABASE_TO_LOWER). Ids come from rms_control.rms_id_seq.

CREATE TABLE outlet (
    id          BIGINT PRIMARY KEY,
    version     BIGINT NOT NULL DEFAULT 0,
    name        VARCHAR(120) NOT NULL,
    address     VARCHAR(300),
    timezone    VARCHAR(64) NOT NULL,
    currency    VARCHAR(3) NOT NULL,
    active      BOOLEAN NOT NULL DEFAULT TRUE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ux_outlet_name UNIQUE (name)
);

CREATE TABLE dining_table (
    id          BIGINT PRIMARY KEY,
    version     BIGINT NOT NULL DEFAULT 0,
    outlet_id   BIGINT NOT NULL REFERENCES outlet (id),
    label       VARCHAR(40) NOT NULL,
    seats       INTEGER NOT NULL,
    area        VARCHAR(60),
    state       VARCHAR(20) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ux_table_label UNIQUE (outlet_id, label)
);

CREATE TABLE staff_member (
    id              BIGINT PRIMARY KEY,
    version         BIGINT NOT NULL DEFAULT 0,
    username        VARCHAR(64) NOT NULL,
    display_name    VARCHAR(120) NOT NULL,
    password_hash   VARCHAR(255),
    pin_hash        VARCHAR(255),
    roles           VARCHAR(200) NOT NULL,
    hourly_rate     NUMERIC(10, 2),
    active          BOOLEAN NOT NULL DEFAULT TRUE,
    failed_logins   INTEGER NOT NULL DEFAULT 0,
    locked_until    TIMESTAMP WITH TIME ZONE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ux_staff_username UNIQUE (username)
);

CREATE TABLE staff_outlet (
    staff_id    BIGINT NOT NULL REFERENCES staff_member (id),
    outlet_id   BIGINT NOT NULL REFERENCES outlet (id),
    PRIMARY KEY (staff_id, outlet_id)
);

-- Append-only and hash-chained: each row holds the hash of the previous one. The single row of
-- audit_head is the chain's tip; updating it serialises concurrent appends.
CREATE TABLE audit_entry (
    seq         BIGINT PRIMARY KEY,
    at          TIMESTAMP WITH TIME ZONE NOT NULL,
    actor       VARCHAR(120) NOT NULL,
    action      VARCHAR(60) NOT NULL,
    target      VARCHAR(200),
    detail      VARCHAR(2000),
    approved_by VARCHAR(120),
    prev_hash   VARCHAR(64) NOT NULL,
    hash        VARCHAR(64) NOT NULL
);

CREATE TABLE audit_head (
    id          INTEGER PRIMARY KEY,
    last_seq    BIGINT NOT NULL,
    last_hash   VARCHAR(64) NOT NULL
);

INSERT INTO audit_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
