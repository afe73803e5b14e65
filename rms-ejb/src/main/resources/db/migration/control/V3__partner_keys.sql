-- Partner keys (issue 12): what a signed partner request is checked against before any tenant is
-- chosen. The key id is public (sent as X-RMS-Key-Id); the secret is stored only sealed (AES-GCM with
-- the server's secret key, bound to the key id and tenant), never in clear and never returned again.
-- A rotation keeps the previous secret valid until previous_expires_at; a revocation ends both at once.
-- The partner's name, webhook URL and outlets live in the tenant's own schema (table partner).

CREATE TABLE partner_key (
    key_id                  VARCHAR(40) PRIMARY KEY,
    version                 BIGINT NOT NULL DEFAULT 0,
    tenant_slug             VARCHAR(30) NOT NULL REFERENCES tenant (slug) ON DELETE CASCADE,
    partner_id              BIGINT NOT NULL,
    secret_sealed           VARCHAR(1024) NOT NULL,
    previous_secret_sealed  VARCHAR(1024),
    previous_expires_at     TIMESTAMP WITH TIME ZONE,
    revoked_at              TIMESTAMP WITH TIME ZONE,
    created_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ux_partner_key_partner UNIQUE (tenant_slug, partner_id)
);
