-- The control schema: the tenant registry and the platform's own users.
-- Runs unchanged on PostgreSQL and H2 (DATABASE_TO_LOWER).

-- An empty schema every connection points at when no tenant is set: unqualified SQL then fails.
CREATE SCHEMA IF NOT EXISTS rms_none;
-- Liberty's batch job repository.
CREATE SCHEMA IF NOT EXISTS rms_batch;

-- One id sequence for every entity of every tenant: ids are unique across tenants, and a shared
-- persistence unit can pre-allocate them safely. INCREMENT BY = the JPA allocationSize.
CREATE SEQUENCE rms_id_seq START WITH 1000 INCREMENT BY 50;

CREATE TABLE tenant (
    id              BIGINT PRIMARY KEY,
    version         BIGINT NOT NULL DEFAULT 0,
    slug            VARCHAR(30) NOT NULL,
    name            VARCHAR(120) NOT NULL,
    currency        VARCHAR(3) NOT NULL,
    timezone        VARCHAR(64) NOT NULL,
    status          VARCHAR(20) NOT NULL,
    status_detail   VARCHAR(500),
    rate_limit_rps  INTEGER,
    schema_version  VARCHAR(20),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ux_tenant_slug UNIQUE (slug)
);

CREATE TABLE platform_user (
    id              BIGINT PRIMARY KEY,
    version         BIGINT NOT NULL DEFAULT 0,
    username        VARCHAR(64) NOT NULL,
    display_name    VARCHAR(120) NOT NULL,
    password_hash   VARCHAR(255) NOT NULL,
    roles           VARCHAR(200) NOT NULL,
    failed_logins   INTEGER NOT NULL DEFAULT 0,
    locked_until    TIMESTAMP WITH TIME ZONE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ux_platform_user_username UNIQUE (username)
);
