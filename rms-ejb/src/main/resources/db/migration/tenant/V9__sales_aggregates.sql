-- Sales at the currency's minor unit, and pre-aggregated for the live dashboard.
--
-- 1. Facts keep 3 decimals (BHD, KWD, OMR have 3 minor digits; EUR keeps 2, JPY 0 — each fact is
--    rounded to its own currency's unit by the consumer). Widening the scale is the one ALTER here:
--    H2 migrates tenant schemas one at a time on start, and on PostgreSQL it rewrites sales_fact once.
ALTER TABLE sales_fact ALTER COLUMN net SET DATA TYPE NUMERIC(14, 3);
ALTER TABLE sales_fact ALTER COLUMN tax SET DATA TYPE NUMERIC(14, 3);
ALTER TABLE sales_fact ALTER COLUMN gross SET DATA TYPE NUMERIC(14, 3);

-- 2. Per outlet, business day and hour (the outlet's time zone, as the facts): completed orders
--    (a re-opening takes its order back), net, tax and gross after discounts and refunds, the
--    discounts given and the gross refunded (positive). Kept by the analytics consumer in the same
--    transaction as the facts it sums, so the dashboard reads at most 48 rows instead of the facts.
CREATE TABLE sales_hour (
    outlet_id       BIGINT NOT NULL,
    business_day    DATE NOT NULL,
    business_hour   INTEGER NOT NULL,
    orders          INTEGER NOT NULL,
    net             NUMERIC(16, 3) NOT NULL,
    tax             NUMERIC(16, 3) NOT NULL,
    gross           NUMERIC(16, 3) NOT NULL,
    discounts       NUMERIC(16, 3) NOT NULL,
    refunds         NUMERIC(16, 3) NOT NULL,
    PRIMARY KEY (outlet_id, business_day, business_hour),
    CONSTRAINT ck_sales_hour_hour CHECK (business_hour BETWEEN 0 AND 23)
);

-- 3. Per outlet, business day and menu item: quantity and net, for the day's top items.
CREATE TABLE sales_item_day (
    outlet_id       BIGINT NOT NULL,
    business_day    DATE NOT NULL,
    menu_item_id    BIGINT NOT NULL,
    item_name       VARCHAR(120),
    quantity        INTEGER NOT NULL,
    net             NUMERIC(16, 3) NOT NULL,
    PRIMARY KEY (outlet_id, business_day, menu_item_id)
);

-- Backfill from the facts recorded so far. Orders: one per sale event, minus one per re-opening
-- (all facts of one event share its hour). Discounts are not in the facts: they are read from the
-- order of each sale and re-opening event, which is exact except for an order re-opened and
-- completed again with another discount before this migration (its latest discount counts).
INSERT INTO sales_hour (outlet_id, business_day, business_hour, orders, net, tax, gross, discounts, refunds)
SELECT f.outlet_id, f.business_day, f.business_hour,
       COUNT(DISTINCT CASE WHEN f.kind = 'SALE' THEN f.event_id END)
           - COUNT(DISTINCT CASE WHEN f.kind = 'VOID' THEN f.event_id END),
       SUM(f.net), SUM(f.tax), SUM(f.gross), 0,
       -SUM(CASE WHEN f.kind = 'REFUND' THEN f.gross ELSE 0 END)
FROM sales_fact f
GROUP BY f.outlet_id, f.business_day, f.business_hour;

UPDATE sales_hour SET discounts = (
    SELECT COALESCE(SUM(CASE WHEN e.kind = 'SALE' THEN o.discount_total ELSE -o.discount_total END), 0)
    FROM (SELECT DISTINCT event_id, kind, order_id, outlet_id, business_day, business_hour
          FROM sales_fact WHERE kind IN ('SALE', 'VOID')) e
    JOIN pos_order o ON o.id = e.order_id
    WHERE e.outlet_id = sales_hour.outlet_id AND e.business_day = sales_hour.business_day
      AND e.business_hour = sales_hour.business_hour);

INSERT INTO sales_item_day (outlet_id, business_day, menu_item_id, item_name, quantity, net)
SELECT outlet_id, business_day, menu_item_id, MAX(item_name), SUM(quantity), SUM(net)
FROM sales_fact
WHERE menu_item_id IS NOT NULL
GROUP BY outlet_id, business_day, menu_item_id;
