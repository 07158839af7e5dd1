-- 诉求办理 — the shared record of citizens' and deputies' demands: 12345 orders,
-- petitions, deputies' suggestions and CPPCC proposals, disclosure requests.
-- One row per demand; each module (hotline, petitions, proposals, disclosure)
-- keeps its own facts in `attrs`. Frozen: add 0002_… for changes.

CREATE TABLE dm_item (
  tenant_id      uuid NOT NULL REFERENCES tenant(id),
  id             uuid NOT NULL DEFAULT gen_random_uuid(),
  kind           text NOT NULL CHECK (kind IN ('hotline', 'petition', 'proposal', 'disclosure')),
  ref_no         text NOT NULL,
  org_id         uuid NOT NULL,
  assignee_id    uuid,
  status         text NOT NULL CHECK (status IN ('received', 'assigned', 'handling', 'paused', 'replied', 'closed')),
  title          text NOT NULL DEFAULT '',
  content        text NOT NULL DEFAULT '',
  demand_type    text,
  channel        text,
  person_name    text,
  person_phone   text,
  person_id_no   text,
  location       text,
  received_at    timestamptz NOT NULL,
  first_due_on   date,
  first_done_at  timestamptz,
  clock_start    date NOT NULL,
  rule           jsonb NOT NULL,
  pauses         jsonb NOT NULL DEFAULT '[]',
  extensions     jsonb NOT NULL DEFAULT '[]',
  restart_on     date,
  paused_since   date,
  pause_reason   text,
  due_on         date NOT NULL,
  replied_at     timestamptz,
  reply          text,
  result         text,
  closed_at      timestamptz,
  satisfaction   text,
  evaluated_at   timestamptz,
  attrs          jsonb NOT NULL DEFAULT '{}',
  version        integer NOT NULL DEFAULT 1,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, kind, ref_no),
  FOREIGN KEY (tenant_id, org_id) REFERENCES org(tenant_id, id)
);
CREATE INDEX dm_item_open ON dm_item (tenant_id, kind, due_on) WHERE closed_at IS NULL;
CREATE INDEX dm_item_closed ON dm_item (tenant_id, kind, closed_at);
CREATE INDEX dm_item_received ON dm_item (tenant_id, kind, received_at);

-- 关联: likely repeats and other links between demands.
CREATE TABLE dm_link (
  tenant_id  uuid NOT NULL REFERENCES tenant(id),
  id         uuid NOT NULL DEFAULT gen_random_uuid(),
  from_id    uuid NOT NULL,
  to_id      uuid NOT NULL,
  reason     text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, from_id, to_id),
  FOREIGN KEY (tenant_id, from_id) REFERENCES dm_item(tenant_id, id),
  FOREIGN KEY (tenant_id, to_id) REFERENCES dm_item(tenant_id, id)
);
