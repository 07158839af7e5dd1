-- Monthly aggregates (issue #17 item 1; src/core/metrics/monthly.ts): a module's monthly series keeps, per bureau,
-- unit and Beijing calendar month, named additive numbers (counts, sums) of the rows dated in that month, so the
-- dashboard's trends, the year-over-year figures and the province roll-up read a few rows instead of the records.
CREATE TABLE metric_month (
  tenant_id  uuid NOT NULL REFERENCES tenant(id),
  series     text NOT NULL,
  org_id     uuid NOT NULL,
  month      date NOT NULL,          -- the month's first day
  sums       jsonb NOT NULL,         -- { name: number } of the series' aggregates
  PRIMARY KEY (tenant_id, series, month, org_id)
);

-- Months to recompute: a write's statement trigger (in the module owning the table) adds one row per bureau,
-- series and month its rows were or are dated in. The writing transaction's id is part of the key, so writers
-- never wait on each other's marks (no counter row to queue on), and a refresh removes only marks committed
-- before its statement — whose rows that statement sees — leaving a later writer's mark for the next read.
CREATE TABLE metric_month_dirty (
  tenant_id  uuid NOT NULL,
  series     text NOT NULL,
  month      date NOT NULL,
  xid        bigint NOT NULL,
  PRIMARY KEY (tenant_id, series, month, xid)
);

-- A series built for a bureau, and the definition it was built with (the fingerprint of its statement): a bureau
-- never built, or built by another definition, is rebuilt whole on the next read.
CREATE TABLE metric_month_state (
  tenant_id  uuid NOT NULL REFERENCES tenant(id),
  series     text NOT NULL,
  version    text NOT NULL,
  built_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, series)
);
