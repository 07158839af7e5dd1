-- 12345 hotline: the enforcement-clue outbox and the district average the user enters.
-- The orders themselves are rows of dm_item (kind 'hotline'). Frozen.

-- 线索移送请求: an order's facts handed to the enforcement module, which consumes them.
CREATE TABLE hotline_clue_request (
  tenant_id     uuid NOT NULL REFERENCES tenant(id),
  id            uuid NOT NULL DEFAULT gen_random_uuid(),
  order_id      uuid NOT NULL,
  org_id        uuid NOT NULL,
  facts         jsonb NOT NULL,
  reason        text NOT NULL,
  requested_by  text NOT NULL,
  requested_at  timestamptz NOT NULL DEFAULT now(),
  status        text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'consumed')),
  consumed_at   timestamptz,
  clue_ref      text,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, order_id),
  FOREIGN KEY (tenant_id, order_id) REFERENCES dm_item(tenant_id, id)
);

-- 全区平均办理时长: entered by the user per year, shown beside the bureau's own average.
CREATE TABLE hotline_district_avg (
  tenant_id     uuid NOT NULL REFERENCES tenant(id),
  year          integer NOT NULL,
  avg_centi     integer NOT NULL CHECK (avg_centi >= 0),
  note          text,
  updated_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, year)
);
