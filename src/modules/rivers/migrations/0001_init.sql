-- 河涌与水质: the river register with its monitoring sections and river chiefs,
-- water samples classified by GB 3838-2002 and graded by the 2015 black-odorous
-- water guideline, and the alerts raised to a river's owner.
-- Frozen: never edit once applied; add 0002_….

-- 河涌名录 — owned by its (first) street, or by the bureau's river department.
CREATE TABLE river (
  tenant_id        uuid NOT NULL REFERENCES tenant(id),
  id               uuid NOT NULL DEFAULT gen_random_uuid(),
  org_id           uuid NOT NULL,
  name             text NOT NULL,
  length_km        numeric(8,2),
  street_org_ids   uuid[] NOT NULL DEFAULT '{}',
  chief            text,
  version          integer NOT NULL DEFAULT 1,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, name),
  FOREIGN KEY (tenant_id, org_id) REFERENCES org(tenant_id, id)
);

-- 监测断面 — names are unique in the tenant (they name the metric rivers.section_class.<section>).
CREATE TABLE river_section (
  tenant_id  uuid NOT NULL REFERENCES tenant(id),
  id         uuid NOT NULL DEFAULT gen_random_uuid(),
  org_id     uuid NOT NULL,
  river_id   uuid NOT NULL,
  name       text NOT NULL,
  sort       integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, name),
  FOREIGN KEY (tenant_id, river_id) REFERENCES river(tenant_id, id)
);

-- 水质监测 — one sample; class and grade are computed by the rules when it is recorded.
CREATE TABLE water_sample (
  tenant_id        uuid NOT NULL REFERENCES tenant(id),
  id               uuid NOT NULL DEFAULT gen_random_uuid(),
  org_id           uuid NOT NULL,
  river_id         uuid NOT NULL,
  section_id       uuid,
  sampled_on       date NOT NULL,
  transparency_cm  numeric(8,2),
  depth_cm         numeric(8,2),
  do_mgl           numeric(8,3),
  orp_mv           numeric(8,1),
  nh3n_mgl         numeric(8,3),
  tp_mgl           numeric(8,3),
  cod_mgl          numeric(8,2),
  codmn_mgl        numeric(8,2),
  bod5_mgl         numeric(8,2),
  gb_class         text CHECK (gb_class IN ('I', 'II', 'III', 'IV', 'V', '劣V')),
  black_grade      text CHECK (black_grade IN ('none', 'light', 'severe')),
  created_by       text NOT NULL,
  version          integer NOT NULL DEFAULT 1,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, river_id) REFERENCES river(tenant_id, id),
  FOREIGN KEY (tenant_id, section_id) REFERENCES river_section(tenant_id, id)
);
CREATE UNIQUE INDEX water_sample_natural ON water_sample (tenant_id, river_id, COALESCE(section_id, '00000000-0000-0000-0000-000000000000'::uuid), sampled_on);
CREATE INDEX water_sample_date ON water_sample (tenant_id, sampled_on);
CREATE INDEX water_sample_section ON water_sample (tenant_id, section_id, sampled_on);

-- 黑臭预警 — raised to the river's owner when a sample grades black-odorous.
CREATE TABLE river_alert (
  tenant_id     uuid NOT NULL REFERENCES tenant(id),
  id            uuid NOT NULL DEFAULT gen_random_uuid(),
  org_id        uuid NOT NULL,
  river_id      uuid NOT NULL,
  sample_id     uuid NOT NULL,
  grade         text NOT NULL CHECK (grade IN ('light', 'severe')),
  raised_on     date NOT NULL,
  message       text NOT NULL,
  status        text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'handled')),
  handled_on    date,
  handled_by    text,
  handled_note  text,
  version       integer NOT NULL DEFAULT 1,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, sample_id),
  FOREIGN KEY (tenant_id, sample_id) REFERENCES water_sample(tenant_id, id)
);
CREATE INDEX river_alert_open ON river_alert (tenant_id, org_id) WHERE status = 'open';
