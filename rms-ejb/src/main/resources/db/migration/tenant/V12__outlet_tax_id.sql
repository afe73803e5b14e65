-- The outlet's tax id (a VAT identification number such as DE123456789, or the tax number the
-- authority gave it), printed on its receipts: an EU receipt names the seller's tax id. Optional, as
-- an outlet may trade before it has one. The one ALTER here adds a nullable column (no rewrite on
-- PostgreSQL; H2 migrates tenant schemas one at a time, see SchemaMigrator).
ALTER TABLE outlet ADD COLUMN tax_id VARCHAR(32);
