-- Partners (issue 12): delivery platforms and web shops that send this tenant online orders with
-- signed requests. Their key (and sealed secret) is in the control schema's partner_key, found by
-- key_id; a revoked partner stays listed, inactive. (Only CREATE here: see V6 on ALTER TABLE and H2.)

CREATE TABLE partner (
    id              BIGINT PRIMARY KEY,
    version         BIGINT NOT NULL DEFAULT 0,
    name            VARCHAR(120) NOT NULL,
    key_id          VARCHAR(40) NOT NULL,
    webhook_url     VARCHAR(2048),
    active          BOOLEAN NOT NULL,
    revoked_at      TIMESTAMP WITH TIME ZONE,
    created_by      VARCHAR(100) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ux_partner_key_id UNIQUE (key_id)
);

-- The outlets a partner may send orders to.
CREATE TABLE partner_outlet (
    partner_id      BIGINT NOT NULL REFERENCES partner (id),
    outlet_id       BIGINT NOT NULL REFERENCES outlet (id),
    PRIMARY KEY (partner_id, outlet_id)
);
