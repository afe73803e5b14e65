-- Report runs: each run is one Jakarta Batch job instance of this tenant. The batch repository
-- (schema rms_batch) is shared by every tenant, so the API never lists or opens it directly: a
-- run is reachable only through this table, which lives in the tenant's own schema.
-- (Only CREATE here: see V6 on ALTER TABLE and H2.)

CREATE TABLE report_run (
    id                  BIGINT PRIMARY KEY,
    version             BIGINT NOT NULL DEFAULT 0,
    job                 VARCHAR(40) NOT NULL,
    instance_id         BIGINT,
    execution_id        BIGINT,
    parameters          VARCHAR(4000) NOT NULL,
    outlet_ids          VARCHAR(4000) NOT NULL,
    status              VARCHAR(12) NOT NULL,
    failure             VARCHAR(500),
    stale               BOOLEAN NOT NULL DEFAULT FALSE,
    business_from       DATE,
    business_to         DATE,
    schedule_id         BIGINT,
    superseded_by       BIGINT,
    started_by          VARCHAR(100) NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at          TIMESTAMP WITH TIME ZONE,
    ended_at            TIMESTAMP WITH TIME ZONE,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ux_report_run_instance UNIQUE (instance_id),
    CONSTRAINT ck_report_run_status CHECK (status IN ('STARTING', 'STARTED', 'STOPPING', 'STOPPED', 'FAILED',
        'COMPLETED', 'ABANDONED'))
);
CREATE INDEX ix_report_run_job ON report_run (job, created_at);
CREATE INDEX ix_report_run_days ON report_run (business_from, business_to);

-- Schedules: a job, a 5-field cron in a time zone, and its parameters. A server claims a due time by
-- moving next_run_at on with a conditional UPDATE in the transaction that creates the run, so each
-- due time runs once however many servers share the database.
CREATE TABLE report_schedule (
    id                  BIGINT PRIMARY KEY,
    version             BIGINT NOT NULL DEFAULT 0,
    job                 VARCHAR(40) NOT NULL,
    cron                VARCHAR(120) NOT NULL,
    timezone            VARCHAR(64) NOT NULL,
    parameters          VARCHAR(4000) NOT NULL,
    outlet_ids          VARCHAR(4000) NOT NULL,
    enabled             BOOLEAN NOT NULL,
    next_run_at         TIMESTAMP WITH TIME ZONE,
    last_run_id         BIGINT,
    created_by          VARCHAR(100) NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_report_schedule_due ON report_schedule (enabled, next_run_at);

-- One row per outlet partition of a run: its progress, kept in the partition's own transactions.
-- A partition that completed keeps the execution that completed it: a restart does not run it again.
CREATE TABLE report_partition (
    run_id              BIGINT NOT NULL REFERENCES report_run (id),
    outlet_id           BIGINT NOT NULL,
    status              VARCHAR(12) NOT NULL,
    items_read          BIGINT NOT NULL,
    items_written       BIGINT NOT NULL,
    execution_id        BIGINT,
    failure             VARCHAR(500),
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (run_id, outlet_id)
);

-- The rows a run computed, one per outlet, section and key, as the JSON object of its columns
-- (each job has its own columns). A partition's chunk rewrites the rows of its section, so a chunk
-- done twice (after a crash) writes them once.
CREATE TABLE report_row (
    run_id              BIGINT NOT NULL REFERENCES report_run (id),
    outlet_id           BIGINT NOT NULL,
    section             VARCHAR(20) NOT NULL,
    row_key             VARCHAR(200) NOT NULL,
    position            INTEGER NOT NULL,
    data                VARCHAR(4000) NOT NULL,
    PRIMARY KEY (run_id, outlet_id, section, row_key)
);

-- The outputs of a finished run, rendered once from its rows.
CREATE TABLE report_output (
    run_id              BIGINT NOT NULL REFERENCES report_run (id),
    format              VARCHAR(8) NOT NULL,
    media_type          VARCHAR(60) NOT NULL,
    content             BYTEA NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (run_id, format)
);

-- daily-sales reads one outlet's facts over a range of business days (the V5 index leads with the day,
-- which does not narrow a chain's busy day down to one outlet), and its payments and refunds.
CREATE INDEX ix_sales_fact_outlet_day ON sales_fact (outlet_id, business_day);
CREATE INDEX ix_payment_outlet_day ON payment (outlet_id, created_at);
CREATE INDEX ix_refund_outlet_day ON refund (outlet_id, created_at);
