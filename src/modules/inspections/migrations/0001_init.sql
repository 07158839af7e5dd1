-- 双随机、一公开: the random-inspection item list, the registers of entities and
-- inspectors, conflicts of interest, annual plans with sampling ratios, reproducible
-- draws (seed + algorithm + input snapshot), inspection tasks and their publication.
CREATE TABLE insp_item (
  tenant_id   uuid NOT NULL REFERENCES tenant(id),
  id          uuid NOT NULL DEFAULT gen_random_uuid(),
  org_id      uuid NOT NULL,
  code        text NOT NULL,
  name        text NOT NULL,
  entity_kind text NOT NULL,
  basis       text,
  method      text,
  version     integer NOT NULL DEFAULT 1,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, code),
  FOREIGN KEY (tenant_id, org_id) REFERENCES org(tenant_id, id)
);

CREATE TABLE insp_entity (
  tenant_id   uuid NOT NULL REFERENCES tenant(id),
  id          uuid NOT NULL DEFAULT gen_random_uuid(),
  org_id      uuid NOT NULL,
  code        text NOT NULL,
  name        text NOT NULL,
  kind        text NOT NULL,
  uscc        text,
  street      text,
  address     text,
  active      boolean NOT NULL DEFAULT true,
  version     integer NOT NULL DEFAULT 1,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, code),
  FOREIGN KEY (tenant_id, org_id) REFERENCES org(tenant_id, id)
);

CREATE TABLE insp_inspector (
  tenant_id   uuid NOT NULL REFERENCES tenant(id),
  id          uuid NOT NULL DEFAULT gen_random_uuid(),
  org_id      uuid NOT NULL,
  code        text NOT NULL,
  name        text NOT NULL,
  cert_no     text,
  active      boolean NOT NULL DEFAULT true,
  version     integer NOT NULL DEFAULT 1,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, code),
  FOREIGN KEY (tenant_id, org_id) REFERENCES org(tenant_id, id)
);

-- 回避: an inspector who must not inspect an entity (kinship, former employment, interest).
CREATE TABLE insp_conflict (
  tenant_id    uuid NOT NULL REFERENCES tenant(id),
  id           uuid NOT NULL DEFAULT gen_random_uuid(),
  org_id       uuid NOT NULL,
  inspector_id uuid NOT NULL,
  entity_id    uuid NOT NULL,
  reason       text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, inspector_id, entity_id),
  FOREIGN KEY (tenant_id, inspector_id) REFERENCES insp_inspector(tenant_id, id),
  FOREIGN KEY (tenant_id, entity_id) REFERENCES insp_entity(tenant_id, id)
);

CREATE TABLE insp_plan (
  tenant_id    uuid NOT NULL REFERENCES tenant(id),
  id           uuid NOT NULL DEFAULT gen_random_uuid(),
  org_id       uuid NOT NULL,
  year         integer NOT NULL,
  title        text NOT NULL,
  item_id      uuid NOT NULL,
  ratio_bp     integer NOT NULL CHECK (ratio_bp > 0 AND ratio_bp <= 10000),
  per_entity   integer NOT NULL DEFAULT 2 CHECK (per_entity >= 2),
  window_from  date NOT NULL,
  window_to    date NOT NULL,
  version      integer NOT NULL DEFAULT 1,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, org_id) REFERENCES org(tenant_id, id),
  FOREIGN KEY (tenant_id, item_id) REFERENCES insp_item(tenant_id, id),
  CHECK (window_to >= window_from)
);

CREATE TABLE insp_draw (
  tenant_id    uuid NOT NULL REFERENCES tenant(id),
  id           uuid NOT NULL DEFAULT gen_random_uuid(),
  org_id       uuid NOT NULL,
  plan_id      uuid NOT NULL,
  seed         text NOT NULL,
  algorithm    text NOT NULL,
  drawn_on     date NOT NULL,
  input        jsonb NOT NULL,
  result       jsonb NOT NULL,
  result_hash  text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, plan_id),
  FOREIGN KEY (tenant_id, plan_id) REFERENCES insp_plan(tenant_id, id)
);

CREATE TABLE insp_task (
  tenant_id      uuid NOT NULL REFERENCES tenant(id),
  id             uuid NOT NULL DEFAULT gen_random_uuid(),
  org_id         uuid NOT NULL,
  draw_id        uuid NOT NULL,
  plan_id        uuid NOT NULL,
  entity_id      uuid NOT NULL,
  inspector_ids  jsonb NOT NULL,
  inspected_on   date,
  result         text,
  problems       text,
  publish_due_on date,
  published_on   date,
  version        integer NOT NULL DEFAULT 1,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, draw_id, entity_id),
  FOREIGN KEY (tenant_id, draw_id) REFERENCES insp_draw(tenant_id, id),
  FOREIGN KEY (tenant_id, entity_id) REFERENCES insp_entity(tenant_id, id)
);
CREATE INDEX insp_task_inspected ON insp_task (tenant_id, inspected_on);
