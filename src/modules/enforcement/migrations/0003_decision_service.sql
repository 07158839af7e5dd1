-- 行政处罚法第五十七条: the agency's head (负责人) decides every general-procedure case. The
-- officer submits the draft decision (submitted_for_decision_on); the head — or a deputy head
-- acting under a recorded delegation — decides (decided_on); who approved and in which capacity.
ALTER TABLE enf_case ADD COLUMN decision_submitted_on date;
ALTER TABLE enf_case ADD COLUMN decision_approver text;
ALTER TABLE enf_case ADD COLUMN decision_approver_user_id uuid;
ALTER TABLE enf_case ADD COLUMN decision_approver_capacity text CHECK (decision_approver_capacity IN ('head', 'deputy'));
ALTER TABLE enf_case ADD COLUMN decision_approver_delegation text;

-- 行政处罚法第六十一条: how the decision was served; 公告送达's publication date (民事诉讼法第九十五条:
-- served when its period has run, served_on is that day); 电子送达 only with the party's consent
-- (the signed 确认书's date).
ALTER TABLE enf_case ADD COLUMN service_method text
  CHECK (service_method IN ('当场交付', '直接送达', '留置送达', '邮寄送达', '公告送达', '电子送达'));
ALTER TABLE enf_case ADD COLUMN service_notice_on date;
ALTER TABLE enf_case ADD COLUMN service_consent_on date;

-- 行政处罚法第五十八条第二款: who did the case's 法制审核.
ALTER TABLE enf_case ADD COLUMN review_by_user_id uuid;
ALTER TABLE enf_case ADD COLUMN review_by_name text;
CREATE INDEX enf_case_reviewer ON enf_case (tenant_id, review_by_user_id, review_on) WHERE review_by_user_id IS NOT NULL;

-- 法制审核人员: each legal reviewer's 法律职业资格 (a first-time reviewer must hold it,
-- 行政处罚法第五十八条第二款). One row per user account.
CREATE TABLE enf_legal_reviewer (
  tenant_id        uuid NOT NULL REFERENCES tenant(id),
  id               uuid NOT NULL DEFAULT gen_random_uuid(),
  org_id           uuid NOT NULL,
  user_id          uuid NOT NULL,
  name             text NOT NULL,
  qualification_no text,
  qualified_on     date,
  version          integer NOT NULL DEFAULT 1,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, user_id),
  FOREIGN KEY (tenant_id, org_id) REFERENCES org(tenant_id, id),
  CHECK ((qualification_no IS NULL) = (qualified_on IS NULL))
);
