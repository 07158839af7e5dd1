-- 行政复议与行政诉讼: cases where the bureau is 被申请人 or 被告, and their hearings.
CREATE TABLE lit_case (
  tenant_id               uuid NOT NULL REFERENCES tenant(id),
  id                      uuid NOT NULL DEFAULT gen_random_uuid(),
  org_id                  uuid NOT NULL,
  case_no                 text NOT NULL,
  kind                    text NOT NULL CHECK (kind IN ('复议', '诉讼')),
  instance                text CHECK (instance IN ('一审', '二审')),
  status                  text NOT NULL CHECK (status IN ('received', 'replied', 'heard', 'concluded', 'appealed', 'closed')),
  claimant_type           text NOT NULL CHECK (claimant_type IN ('自然人', '法人', '其他组织')),
  claimant_name           text NOT NULL,
  claimant_id_no          text,
  claimant_id_index       text,
  act_kind                text NOT NULL CHECK (act_kind IN ('行政处罚', '行政许可', '政府信息公开答复', '信访处理意见', '行政检查', '其他')),
  act_title               text NOT NULL,
  act_entity              text,
  act_record_id           text,
  body                    text NOT NULL,
  received_on             date NOT NULL,
  reply_due_on            date NOT NULL,
  reply_filed_on          date,
  outcome                 text,
  outcome_on              date,
  outcome_served_on       date,
  outcome_act_changed     boolean NOT NULL DEFAULT false,
  outcome_note            text,
  first_outcome           text,
  first_outcome_on        date,
  first_outcome_served_on date,
  appeal_due_on           date,
  appealed_on             date,
  appellant               text CHECK (appellant IN ('本局', '对方当事人')),
  handler                 text,
  agent                   text,
  rectification           text,
  rectified_on            date,
  closed_on               date,
  version                 integer NOT NULL DEFAULT 1,
  created_at              timestamptz NOT NULL DEFAULT now(),
  updated_at              timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, case_no),
  FOREIGN KEY (tenant_id, org_id) REFERENCES org(tenant_id, id),
  CHECK ((kind = '复议') = (instance IS NULL))
);
CREATE INDEX lit_case_received ON lit_case (tenant_id, received_on);
CREATE INDEX lit_case_outcome ON lit_case (tenant_id, outcome_on);
CREATE INDEX lit_case_claimant ON lit_case (tenant_id, claimant_id_index);

CREATE TABLE lit_hearing (
  tenant_id       uuid NOT NULL REFERENCES tenant(id),
  id              uuid NOT NULL DEFAULT gen_random_uuid(),
  org_id          uuid NOT NULL,
  case_id         uuid NOT NULL,
  instance        text CHECK (instance IN ('一审', '二审')),
  held_on         date NOT NULL,
  head_role       text CHECK (head_role IN ('正职负责人', '副职负责人', '参与分管的其他负责人')),
  head_name       text,
  absence_reason  text,
  note            text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, org_id) REFERENCES org(tenant_id, id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES lit_case(tenant_id, id) ON DELETE CASCADE,
  CHECK (head_role IS NOT NULL OR absence_reason IS NOT NULL)
);
CREATE INDEX lit_hearing_case ON lit_hearing (tenant_id, case_id, held_on);
CREATE INDEX lit_hearing_held ON lit_hearing (tenant_id, held_on);
