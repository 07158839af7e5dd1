-- 行政执法 (enforcement): the item catalogue with discretion benchmarks, officers and
-- their certificates, clues, penalty cases from 立案 to 归档 with evidence, and the
-- bureau's case-file review (案卷评查) of the streets. Frozen: add 0002_… for changes.

-- 执法事项目录
CREATE TABLE enf_item (
  tenant_id     uuid NOT NULL REFERENCES tenant(id),
  id            uuid NOT NULL DEFAULT gen_random_uuid(),
  org_id        uuid NOT NULL,
  code          text NOT NULL,
  name          text NOT NULL,
  legal_basis   text NOT NULL,
  penalty_basis text,
  -- 裁量基准: [{ level, label, minFen, maxFen, waiver, note }]
  discretion    jsonb NOT NULL DEFAULT '[]',
  discretion_text text,
  delegated     boolean NOT NULL DEFAULT false,
  version       integer NOT NULL DEFAULT 1,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, code),
  FOREIGN KEY (tenant_id, org_id) REFERENCES org(tenant_id, id)
);

-- 执法人员
CREATE TABLE enf_officer (
  tenant_id        uuid NOT NULL REFERENCES tenant(id),
  id               uuid NOT NULL DEFAULT gen_random_uuid(),
  org_id           uuid NOT NULL,
  name             text NOT NULL,
  cert_no          text,
  cert_issued_on   date,
  cert_valid_until date,
  exam_score       numeric(5,1),
  exam_pass_line   numeric(5,1) NOT NULL DEFAULT 60,
  active           boolean NOT NULL DEFAULT true,
  version          integer NOT NULL DEFAULT 1,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, org_id) REFERENCES org(tenant_id, id)
);
CREATE UNIQUE INDEX enf_officer_cert ON enf_officer (tenant_id, cert_no) WHERE cert_no IS NOT NULL;
CREATE UNIQUE INDEX enf_officer_name ON enf_officer (tenant_id, org_id, name);

-- 案件线索
CREATE TABLE enf_clue (
  tenant_id        uuid NOT NULL REFERENCES tenant(id),
  id               uuid NOT NULL DEFAULT gen_random_uuid(),
  org_id           uuid NOT NULL,
  clue_no          text NOT NULL,
  source           text NOT NULL,
  source_ref       text,
  received_on      date NOT NULL,
  summary          text NOT NULL,
  location         text,
  party_name       text,
  status           text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'transferred', 'case', 'closed')),
  from_org_id      uuid,
  transferred_on   date,
  transfer_due_on  date,
  receipt_on       date,
  feedback         text,
  feedback_on      date,
  case_id          uuid,
  closed_on        date,
  close_reason     text,
  version          integer NOT NULL DEFAULT 1,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, clue_no),
  FOREIGN KEY (tenant_id, org_id) REFERENCES org(tenant_id, id)
);

-- 行政处罚案件
CREATE TABLE enf_case (
  tenant_id          uuid NOT NULL REFERENCES tenant(id),
  id                 uuid NOT NULL DEFAULT gen_random_uuid(),
  org_id             uuid NOT NULL,
  case_no            text NOT NULL,
  stage              text NOT NULL,
  procedure          text NOT NULL DEFAULT 'general' CHECK (procedure IN ('general', 'summary')),
  source             text,
  source_ref         text,
  clue_id            uuid,
  item_id            uuid,
  item_code          text,
  cause              text NOT NULL,
  party_type         text NOT NULL,
  party_name         text NOT NULL,
  party_id_no        text,               -- encrypted (core/crypto/pii.ts)
  party_id_index     text,               -- keyed blind index for lookups
  filed_on           date NOT NULL,
  major              boolean NOT NULL DEFAULT false,
  officer_ids        uuid[] NOT NULL DEFAULT '{}',
  officer_names      text[] NOT NULL DEFAULT '{}',
  circumstance       text,
  first_violation    boolean NOT NULL DEFAULT false,
  proposed_kinds     text[] NOT NULL DEFAULT '{}',
  proposed_fine_fen  bigint,
  proposed_confiscation_fen bigint,
  notified_on        date,
  rights_waived      boolean NOT NULL DEFAULT false,
  statement          text,
  hearing_requested_on date,
  hearing_on         date,
  hearing_notice_on  date,
  hearing_held_on    date,
  hearing_record     text,
  review_required    boolean NOT NULL DEFAULT false,
  review_on          date,
  review_result      text,
  review_opinion     text,
  review_checklist   jsonb,
  discussion_on      date,
  discussion_minutes text,
  extension_days     integer,
  extension_approved_on date,
  extension_reason   text,
  decided_on         date,
  decision_no        text,
  penalty_kinds      text[] NOT NULL DEFAULT '{}',
  fine_fen           bigint NOT NULL DEFAULT 0,
  confiscation_fen   bigint NOT NULL DEFAULT 0,
  decision_facts     text,
  decision_basis     text,
  served_on          date,
  paid_on            date,
  late_fee_fen       bigint NOT NULL DEFAULT 0,
  executed_on        date,
  closed_on          date,
  close_reason       text,
  published_on       date,
  archived_on        date,
  revoked_on         date,
  revoke_reason      text,
  imported           boolean NOT NULL DEFAULT false,
  version            integer NOT NULL DEFAULT 1,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, case_no),
  FOREIGN KEY (tenant_id, org_id) REFERENCES org(tenant_id, id),
  CHECK (fine_fen >= 0 AND confiscation_fen >= 0)
);
CREATE INDEX enf_case_filed ON enf_case (tenant_id, filed_on);
CREATE INDEX enf_case_closed ON enf_case (tenant_id, closed_on);
CREATE INDEX enf_case_org ON enf_case (tenant_id, org_id);

-- 证据
CREATE TABLE enf_evidence (
  tenant_id     uuid NOT NULL REFERENCES tenant(id),
  id            uuid NOT NULL DEFAULT gen_random_uuid(),
  org_id        uuid NOT NULL,
  case_id       uuid NOT NULL,
  kind          text NOT NULL,
  title         text NOT NULL,
  collected_on  date NOT NULL,
  note          text,
  attachment_id uuid,
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES enf_case(tenant_id, id)
);
CREATE INDEX enf_evidence_case ON enf_evidence (tenant_id, case_id);

-- 案卷评查: a reproducible random sample of a street's closed cases, scored by a checklist
CREATE TABLE enf_review (
  tenant_id    uuid NOT NULL REFERENCES tenant(id),
  id           uuid NOT NULL DEFAULT gen_random_uuid(),
  org_id       uuid NOT NULL,
  title        text NOT NULL,
  year         integer NOT NULL,
  seed         bigint NOT NULL,
  algorithm    text NOT NULL,
  sample_size  integer NOT NULL,
  population   integer NOT NULL,
  checklist    jsonb NOT NULL,
  drawn_on     date NOT NULL,
  version      integer NOT NULL DEFAULT 1,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, org_id) REFERENCES org(tenant_id, id)
);

CREATE TABLE enf_review_item (
  tenant_id     uuid NOT NULL REFERENCES tenant(id),
  id            uuid NOT NULL DEFAULT gen_random_uuid(),
  org_id        uuid NOT NULL,
  review_id     uuid NOT NULL,
  case_id       uuid NOT NULL,
  scores        jsonb,
  score         numeric(5,1),
  findings      text,
  rectification text,
  rectified_on  date,
  scored_on     date,
  version       integer NOT NULL DEFAULT 1,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, review_id, case_id),
  FOREIGN KEY (tenant_id, review_id) REFERENCES enf_review(tenant_id, id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES enf_case(tenant_id, id)
);
