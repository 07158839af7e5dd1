-- 行政处罚法第三十六条 (追责时效): when the violation happened, when a continuing or repeated one
-- ended, and whether it falls under the 5-year period (生命健康安全、金融安全且有危害后果) — on the
-- clue as received and on the case. A case filed past the period needs the legal ground of the
-- exception (法律另有规定), recorded here and in the filing's audit event.
ALTER TABLE enf_clue ADD COLUMN violation_on date;
ALTER TABLE enf_clue ADD COLUMN violation_ended_on date;
ALTER TABLE enf_clue ADD COLUMN limitation_serious boolean NOT NULL DEFAULT false;
ALTER TABLE enf_clue ADD CONSTRAINT enf_clue_violation_order CHECK (violation_ended_on IS NULL OR violation_ended_on >= violation_on);

ALTER TABLE enf_case ADD COLUMN violation_on date;
ALTER TABLE enf_case ADD COLUMN violation_ended_on date;
ALTER TABLE enf_case ADD COLUMN limitation_serious boolean NOT NULL DEFAULT false;
ALTER TABLE enf_case ADD COLUMN limitation_override text;
-- 发现之日: the day the bureau discovered the violation — the clue's received date for a case
-- filed from a clue, else its filing date (NULL on older cases: read as filed_on).
ALTER TABLE enf_case ADD COLUMN discovered_on date;
ALTER TABLE enf_case ADD CONSTRAINT enf_case_violation_order CHECK (violation_ended_on IS NULL OR violation_ended_on >= violation_on);

-- 行政处罚法第五十九条第一项: the party's address (住所/地址), printed in the decision.
ALTER TABLE enf_clue ADD COLUMN party_address text;
ALTER TABLE enf_case ADD COLUMN party_address text;

-- 行政处罚法第五十九条第四项、第六十七条: where the fine is paid (bank, account name, account
-- number) — one per bureau (tenant), printed in every decision with money.
CREATE TABLE enf_payment_place (
  tenant_id     uuid NOT NULL REFERENCES tenant(id),
  id            uuid NOT NULL DEFAULT gen_random_uuid(),
  org_id        uuid NOT NULL,
  bank          text NOT NULL,
  account_name  text NOT NULL,
  account_no    text NOT NULL,
  version       integer NOT NULL DEFAULT 1,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id),
  FOREIGN KEY (tenant_id, org_id) REFERENCES org(tenant_id, id)
);
