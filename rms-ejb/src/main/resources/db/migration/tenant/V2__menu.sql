-- The menu: tax rates, categories (one level of sub-categories), items with modifier groups, and
-- per-outlet price and availability overrides. menu_revision counts every change that can alter a
-- menu as sold, so an outlet's menu can be cached and validated with one primary-key read.

CREATE TABLE tax_rate (
    id          BIGINT PRIMARY KEY,
    version     BIGINT NOT NULL DEFAULT 0,
    name        VARCHAR(60) NOT NULL,
    rate        NUMERIC(7, 3) NOT NULL,
    inclusive   BOOLEAN NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ux_tax_rate_name UNIQUE (name),
    CONSTRAINT ck_tax_rate_range CHECK (rate >= 0 AND rate <= 100)
);

CREATE TABLE menu_category (
    id          BIGINT PRIMARY KEY,
    version     BIGINT NOT NULL DEFAULT 0,
    name        VARCHAR(80) NOT NULL,
    parent_id   BIGINT REFERENCES menu_category (id),
    sort_order  INTEGER NOT NULL DEFAULT 0,
    active      BOOLEAN NOT NULL DEFAULT TRUE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE menu_item (
    id          BIGINT PRIMARY KEY,
    version     BIGINT NOT NULL DEFAULT 0,
    sku         VARCHAR(40) NOT NULL,
    name        VARCHAR(120) NOT NULL,
    description VARCHAR(1000),
    category_id BIGINT NOT NULL REFERENCES menu_category (id),
    price       NUMERIC(12, 2) NOT NULL,
    tax_rate_id BIGINT NOT NULL REFERENCES tax_rate (id),
    station     VARCHAR(40) NOT NULL,
    active      BOOLEAN NOT NULL DEFAULT TRUE,
    archived    BOOLEAN NOT NULL DEFAULT FALSE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ux_menu_item_sku UNIQUE (sku),
    CONSTRAINT ck_menu_item_price CHECK (price >= 0)
);

CREATE TABLE modifier_group (
    id          BIGINT PRIMARY KEY,
    item_id     BIGINT NOT NULL REFERENCES menu_item (id),
    name        VARCHAR(80) NOT NULL,
    min_choices INTEGER NOT NULL,
    max_choices INTEGER NOT NULL,
    sort_order  INTEGER NOT NULL,
    CONSTRAINT ck_modifier_group_choices CHECK (min_choices >= 0 AND max_choices >= min_choices)
);

CREATE TABLE modifier (
    id          BIGINT PRIMARY KEY,
    group_id    BIGINT NOT NULL REFERENCES modifier_group (id),
    name        VARCHAR(80) NOT NULL,
    price_delta NUMERIC(12, 2) NOT NULL,
    sort_order  INTEGER NOT NULL
);

CREATE TABLE outlet_item_override (
    outlet_id   BIGINT NOT NULL REFERENCES outlet (id),
    item_id     BIGINT NOT NULL REFERENCES menu_item (id),
    price       NUMERIC(12, 2),
    available   BOOLEAN NOT NULL,
    PRIMARY KEY (outlet_id, item_id),
    CONSTRAINT ck_override_price CHECK (price IS NULL OR price >= 0)
);

CREATE TABLE menu_revision (
    id          INTEGER PRIMARY KEY,
    revision    BIGINT NOT NULL
);

INSERT INTO menu_revision (id, revision) VALUES (1, 1);
