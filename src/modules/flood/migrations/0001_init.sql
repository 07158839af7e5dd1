-- 防汛 (flood control): flood-risk points with their progress updates, waterlogging
-- works, the duty roster, deployments, drought / salt-tide dispatch, and the three
-- responsible persons of water works with their annual public disclosure.
-- Frozen: never edit once applied; add 0002_….

-- 水浸风险点 — a registered flood-risk point, owned by its street.
CREATE TABLE flood_risk_point (
  tenant_id      uuid NOT NULL REFERENCES tenant(id),
  id             uuid NOT NULL DEFAULT gen_random_uuid(),
  org_id         uuid NOT NULL,
  code           text NOT NULL,
  name           text NOT NULL,
  lng            numeric(9,6),
  lat            numeric(9,6),
  risk_level     text CHECK (risk_level IN ('高', '中', '低')),
  registered_on  date NOT NULL,
  measure        text,
  status         text NOT NULL CHECK (status IN ('未整治', '整治中', '已完成')),
  completed_on   date,
  admin_person   text,
  tech_person    text,
  patrol_person  text,
  version        integer NOT NULL DEFAULT 1,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, code),
  FOREIGN KEY (tenant_id, org_id) REFERENCES org(tenant_id, id),
  CHECK ((status = '已完成') = (completed_on IS NOT NULL))
);
CREATE INDEX flood_risk_point_org ON flood_risk_point (tenant_id, org_id);

-- 整治进度 — a dated progress update of a risk point (append-only).
CREATE TABLE flood_risk_progress (
  tenant_id   uuid NOT NULL REFERENCES tenant(id),
  id          uuid NOT NULL DEFAULT gen_random_uuid(),
  org_id      uuid NOT NULL,
  point_id    uuid NOT NULL,
  on_date     date NOT NULL,
  status      text NOT NULL CHECK (status IN ('未整治', '整治中', '已完成')),
  note        text NOT NULL,
  created_by  text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, point_id) REFERENCES flood_risk_point(tenant_id, id)
);
CREATE INDEX flood_risk_progress_point ON flood_risk_progress (tenant_id, point_id, on_date);

-- 内涝治理项目 / 零星排水改造应急工程.
CREATE TABLE flood_project (
  tenant_id     uuid NOT NULL REFERENCES tenant(id),
  id            uuid NOT NULL DEFAULT gen_random_uuid(),
  org_id        uuid NOT NULL,
  name          text NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('内涝治理项目', '零星排水改造应急工程')),
  street_org_id uuid,
  started_on    date,
  completed_on  date,
  status        text,
  version       integer NOT NULL DEFAULT 1,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, kind, name),
  FOREIGN KEY (tenant_id, org_id) REFERENCES org(tenant_id, id)
);

-- 抢险投入记录 — persons, pumps and vehicles deployed for one event on one day.
CREATE TABLE flood_deployment (
  tenant_id   uuid NOT NULL REFERENCES tenant(id),
  id          uuid NOT NULL DEFAULT gen_random_uuid(),
  org_id      uuid NOT NULL,
  on_date     date NOT NULL,
  event       text NOT NULL,
  persons     integer NOT NULL CHECK (persons >= 0),
  pumps       integer NOT NULL CHECK (pumps >= 0),
  vehicles    integer NOT NULL CHECK (vehicles >= 0),
  note        text,
  version     integer NOT NULL DEFAULT 1,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, on_date, event),
  FOREIGN KEY (tenant_id, org_id) REFERENCES org(tenant_id, id)
);
CREATE INDEX flood_deployment_date ON flood_deployment (tenant_id, on_date);

-- 值班表 — one person in one role on one shift of one day.
CREATE TABLE flood_duty (
  tenant_id   uuid NOT NULL REFERENCES tenant(id),
  id          uuid NOT NULL DEFAULT gen_random_uuid(),
  org_id      uuid NOT NULL,
  duty_date   date NOT NULL,
  shift       text NOT NULL,
  role        text NOT NULL CHECK (role IN ('A角', 'B角')),
  person      text NOT NULL,
  phone       text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, duty_date, shift, role, person),
  FOREIGN KEY (tenant_id, org_id) REFERENCES org(tenant_id, id)
);
CREATE INDEX flood_duty_date ON flood_duty (tenant_id, duty_date);

-- 抗旱防咸预警 — a drought / salt-tide warning period; 调度记录 — its daily dispatch records.
CREATE TABLE flood_drought_warning (
  tenant_id   uuid NOT NULL REFERENCES tenant(id),
  id          uuid NOT NULL DEFAULT gen_random_uuid(),
  org_id      uuid NOT NULL,
  title       text NOT NULL,
  level       text NOT NULL CHECK (level IN ('蓝色', '黄色', '橙色', '红色')),
  starts_on   date NOT NULL,
  ends_on     date,
  version     integer NOT NULL DEFAULT 1,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, org_id) REFERENCES org(tenant_id, id),
  CHECK (ends_on IS NULL OR ends_on >= starts_on)
);

CREATE TABLE flood_dispatch (
  tenant_id    uuid NOT NULL REFERENCES tenant(id),
  id           uuid NOT NULL DEFAULT gen_random_uuid(),
  org_id       uuid NOT NULL,
  warning_id   uuid NOT NULL,
  on_date      date NOT NULL,
  chloride_mgl numeric(8,1),
  content      text NOT NULL,
  created_by   text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, warning_id, on_date),
  FOREIGN KEY (tenant_id, warning_id) REFERENCES flood_drought_warning(tenant_id, id)
);

-- 水利工程 with its 三个责任人 (行政 / 技术 / 巡查).
CREATE TABLE flood_work (
  tenant_id     uuid NOT NULL REFERENCES tenant(id),
  id            uuid NOT NULL DEFAULT gen_random_uuid(),
  org_id        uuid NOT NULL,
  name          text NOT NULL,
  kind          text NOT NULL,
  location      text,
  admin_name    text NOT NULL,
  admin_post    text,
  admin_phone   text,
  tech_name     text NOT NULL,
  tech_post     text,
  tech_phone    text,
  patrol_name   text NOT NULL,
  patrol_post   text,
  patrol_phone  text,
  version       integer NOT NULL DEFAULT 1,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, name),
  FOREIGN KEY (tenant_id, org_id) REFERENCES org(tenant_id, id)
);

-- 防汛责任人名单公示 — the year's public disclosure of the list (before the flood season).
CREATE TABLE flood_disclosure (
  tenant_id     uuid NOT NULL REFERENCES tenant(id),
  year          integer NOT NULL,
  org_id        uuid NOT NULL,
  published_on  date NOT NULL,
  note          text,
  -- The list as published (names, posts, masked phones), so later changes can be shown against it.
  snapshot      jsonb NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, year)
);
