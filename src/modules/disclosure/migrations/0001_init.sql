-- 政府信息公开: proactive disclosures and the annual report's narrative. Requests
-- (依申请公开) are rows of dm_item (kind 'disclosure'). Frozen.

CREATE TABLE disclosure_proactive (
  tenant_id    uuid NOT NULL REFERENCES tenant(id),
  id           uuid NOT NULL DEFAULT gen_random_uuid(),
  org_id       uuid NOT NULL,
  published_on date NOT NULL,
  section      text NOT NULL,
  title        text NOT NULL,
  platform     text,
  version      integer NOT NULL DEFAULT 1,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, published_on, section, title),
  FOREIGN KEY (tenant_id, org_id) REFERENCES org(tenant_id, id)
);

-- 年度报告文字部分 (总体情况, 存在的主要问题及改进情况, 其他需要报告的事项), per year.
CREATE TABLE disclosure_report_text (
  tenant_id  uuid NOT NULL REFERENCES tenant(id),
  year       integer NOT NULL,
  section    text NOT NULL,
  body       text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, year, section)
);
