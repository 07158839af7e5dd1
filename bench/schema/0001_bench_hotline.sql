-- 12345工单 (benchmark stand-in for the hotline module's table). Frozen like any migration.
CREATE TABLE bench_hotline_order (
  tenant_id    uuid NOT NULL REFERENCES tenant(id),
  id           uuid NOT NULL DEFAULT gen_random_uuid(),
  org_id       uuid NOT NULL,
  order_no     text NOT NULL,
  received_at  timestamptz NOT NULL,
  type         text,
  content      text,
  time_limit   integer NOT NULL CHECK (time_limit > 0),
  closed_at    timestamptz,
  replied_at   timestamptz,
  satisfaction text,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, order_no),
  FOREIGN KEY (tenant_id, org_id) REFERENCES org(tenant_id, id)
);
CREATE INDEX bench_hotline_order_closed ON bench_hotline_order (tenant_id, closed_at);
