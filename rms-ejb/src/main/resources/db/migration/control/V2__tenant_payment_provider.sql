-- A tenant's own card provider account, set by the platform admin; without a row the tenant's card
-- payments use the environment's provider (RMS_PAYMENT_CARD_URL / RMS_PAYMENT_CARD_KEY, or the sandbox).
-- The API key is stored only encrypted (AES-GCM with the server's secret key, bound to the tenant),
-- never in clear and never returned.

CREATE TABLE tenant_payment_provider (
    tenant_slug     VARCHAR(30) PRIMARY KEY REFERENCES tenant (slug) ON DELETE CASCADE,
    url             VARCHAR(2048) NOT NULL,
    api_key_sealed  VARCHAR(1024) NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by      VARCHAR(100) NOT NULL
);
