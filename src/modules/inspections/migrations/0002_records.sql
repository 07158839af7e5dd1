-- 行政检查 / 涉企检查: one register of every inspection the bureau makes (双随机 results included),
-- the annual inspection plan per unit with its per-entity yearly cap, and the 双随机 tasks'
-- existing results carried over as records of kind 双随机.
CREATE TABLE insp_annual_plan (
  tenant_id   uuid NOT NULL REFERENCES tenant(id),
  id          uuid NOT NULL DEFAULT gen_random_uuid(),
  org_id      uuid NOT NULL,
  year        integer NOT NULL,
  title       text NOT NULL,
  entity_cap  integer NOT NULL DEFAULT 2 CHECK (entity_cap >= 1),
  version     integer NOT NULL DEFAULT 1,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, org_id, year),
  FOREIGN KEY (tenant_id, org_id) REFERENCES org(tenant_id, id)
);

-- One planned inspection: an entity, a kind, a month of the plan's year.
CREATE TABLE insp_annual_entry (
  tenant_id   uuid NOT NULL REFERENCES tenant(id),
  id          uuid NOT NULL DEFAULT gen_random_uuid(),
  org_id      uuid NOT NULL,
  plan_id     uuid NOT NULL,
  entity_id   uuid NOT NULL,
  kind        text NOT NULL,
  month       integer NOT NULL CHECK (month BETWEEN 1 AND 12),
  note        text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, plan_id, entity_id, kind, month),
  FOREIGN KEY (tenant_id, plan_id) REFERENCES insp_annual_plan(tenant_id, id),
  FOREIGN KEY (tenant_id, entity_id) REFERENCES insp_entity(tenant_id, id)
);

CREATE TABLE insp_record (
  tenant_id         uuid NOT NULL REFERENCES tenant(id),
  id                uuid NOT NULL DEFAULT gen_random_uuid(),
  org_id            uuid NOT NULL,
  record_no         text NOT NULL,
  inspected_on      date NOT NULL,
  entity_id         uuid NOT NULL,
  kind              text NOT NULL CHECK (kind IN ('双随机', '专项', '投诉举报', '上级交办', '回访')),
  enterprise        boolean NOT NULL DEFAULT true,
  -- The legal basis: an item of the random-inspection list or of the enforcement catalogue (by id), and its name as shown.
  basis_item_id     uuid,
  basis_catalogue_id uuid,
  basis             text NOT NULL,
  -- [{ officerId?, inspectorId?, name, certNo }]: the enforcement officers (or the draw's inspectors) who inspected.
  inspectors        jsonb NOT NULL,
  annual_entry_id   uuid,
  off_plan_reason   text,
  findings          text,
  follow_up         text NOT NULL CHECK (follow_up IN ('无问题', '责令整改', '移送线索', '立案')),
  rectify_due_on    date,
  rectified_on      date,
  rectify_note      text,
  clue_id           uuid,
  case_id           uuid,
  follow_ref        text,
  closed_on         date,
  task_id           uuid,
  version           integer NOT NULL DEFAULT 1,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, record_no),
  UNIQUE (tenant_id, task_id),
  FOREIGN KEY (tenant_id, org_id) REFERENCES org(tenant_id, id),
  FOREIGN KEY (tenant_id, entity_id) REFERENCES insp_entity(tenant_id, id),
  FOREIGN KEY (tenant_id, basis_item_id) REFERENCES insp_item(tenant_id, id),
  FOREIGN KEY (tenant_id, annual_entry_id) REFERENCES insp_annual_entry(tenant_id, id),
  FOREIGN KEY (tenant_id, task_id) REFERENCES insp_task(tenant_id, id),
  CHECK (follow_up <> '责令整改' OR rectify_due_on IS NOT NULL OR task_id IS NOT NULL)
);
CREATE INDEX insp_record_inspected ON insp_record (tenant_id, inspected_on);
CREATE INDEX insp_record_entity ON insp_record (tenant_id, entity_id, inspected_on);

-- The 双随机 tasks' results recorded before this register existed become its records (kind 双随机).
INSERT INTO insp_record (tenant_id, org_id, record_no, inspected_on, entity_id, kind, enterprise, basis_item_id, basis, inspectors,
                         findings, follow_up, closed_on, task_id)
SELECT k.tenant_id, k.org_id,
       extract(year FROM k.inspected_on)::int || '-SJ-' ||
         lpad((row_number() OVER (PARTITION BY k.tenant_id, extract(year FROM k.inspected_on) ORDER BY k.inspected_on, k.id))::text, 4, '0'),
       k.inspected_on, k.entity_id, '双随机', e.uscc IS NOT NULL, i.id, i.name,
       COALESCE((SELECT jsonb_agg(jsonb_build_object('inspectorId', n.id, 'name', n.name, 'certNo', n.cert_no) ORDER BY x.ord)
                 FROM jsonb_array_elements_text(k.inspector_ids) WITH ORDINALITY AS x(v, ord)
                 JOIN insp_inspector n ON n.tenant_id = k.tenant_id AND n.id::text = x.v), '[]'::jsonb),
       CASE WHEN k.result = '未找到检查对象' THEN '未找到检查对象' ELSE k.problems END,
       CASE k.result WHEN '发现问题已责令整改' THEN '责令整改' WHEN '发现问题已立案查处' THEN '立案' ELSE '无问题' END,
       CASE WHEN k.result IN ('未发现问题', '未找到检查对象') THEN k.inspected_on END,
       k.id
FROM insp_task k
JOIN insp_entity e ON e.tenant_id = k.tenant_id AND e.id = k.entity_id
JOIN insp_plan p ON p.tenant_id = k.tenant_id AND p.id = k.plan_id
JOIN insp_item i ON i.tenant_id = p.tenant_id AND i.id = p.item_id
WHERE k.inspected_on IS NOT NULL AND k.result IS NOT NULL;
