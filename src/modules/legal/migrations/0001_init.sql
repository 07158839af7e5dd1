-- 法律顾问: the retained firm and its contract term, its work records, the bureau's
-- normative documents and major decisions with their legality review, the annual appraisal.
CREATE TABLE legal_contract (
  tenant_id    uuid NOT NULL REFERENCES tenant(id),
  id           uuid NOT NULL DEFAULT gen_random_uuid(),
  org_id       uuid NOT NULL,
  firm         text NOT NULL,
  contract_no  text NOT NULL,
  start_on     date NOT NULL,
  end_on       date NOT NULL,
  fee_fen      bigint CHECK (fee_fen >= 0),
  lawyers      text,
  procurement  text,
  version      integer NOT NULL DEFAULT 1,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, contract_no),
  FOREIGN KEY (tenant_id, org_id) REFERENCES org(tenant_id, id),
  CHECK (end_on >= start_on)
);

CREATE TABLE legal_advice (
  tenant_id    uuid NOT NULL REFERENCES tenant(id),
  id           uuid NOT NULL DEFAULT gen_random_uuid(),
  org_id       uuid NOT NULL,
  date         date NOT NULL,
  kind         text NOT NULL CHECK (kind IN ('合同审查', '文件审核', '法律意见书', '会议', '业务研讨', '专题培训')),
  title        text NOT NULL,
  firm         text,
  handler      text,
  contract_id  uuid,
  opinion      text,
  version      integer NOT NULL DEFAULT 1,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, org_id) REFERENCES org(tenant_id, id),
  FOREIGN KEY (tenant_id, contract_id) REFERENCES legal_contract(tenant_id, id)
);
CREATE INDEX legal_advice_date ON legal_advice (tenant_id, date);

CREATE TABLE legal_document (
  tenant_id      uuid NOT NULL REFERENCES tenant(id),
  id             uuid NOT NULL DEFAULT gen_random_uuid(),
  org_id         uuid NOT NULL,
  kind           text NOT NULL CHECK (kind IN ('规范性文件', '重大行政决策', '三重一大')),
  title          text NOT NULL,
  submitted_on   date NOT NULL,
  status         text NOT NULL CHECK (status IN ('submitted', 'reviewed', 'issued')),
  reviewed_on    date,
  review_result  text CHECK (review_result IN ('同意', '存在问题')),
  review_opinion text,
  reviewer       text,
  issued_on      date,
  doc_no         text,
  version        integer NOT NULL DEFAULT 1,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, org_id) REFERENCES org(tenant_id, id)
);

CREATE TABLE legal_appraisal (
  tenant_id    uuid NOT NULL REFERENCES tenant(id),
  id           uuid NOT NULL DEFAULT gen_random_uuid(),
  org_id       uuid NOT NULL,
  year         integer NOT NULL,
  contract_id  uuid,
  appraised_on date NOT NULL,
  self_check   text NOT NULL,
  criteria     jsonb NOT NULL,
  total        numeric(6,1) NOT NULL,
  grade        text NOT NULL,
  suggestions  text,
  version      integer NOT NULL DEFAULT 1,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, year),
  FOREIGN KEY (tenant_id, org_id) REFERENCES org(tenant_id, id),
  FOREIGN KEY (tenant_id, contract_id) REFERENCES legal_contract(tenant_id, id)
);
