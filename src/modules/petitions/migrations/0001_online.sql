-- 网上信访: the receipt of a petition submitted online (网上信访). The applicant keeps the
-- receipt number and a secret (查询码) of which only the sha256 is kept; the applicant's
-- address, post code and e-mail are kept encrypted (kernel PII helper). Frozen.

CREATE TABLE petitions_online (
  tenant_id    uuid NOT NULL REFERENCES tenant(id),
  id           uuid NOT NULL DEFAULT gen_random_uuid(),
  receipt_no   text NOT NULL,
  secret_hash  text NOT NULL,
  item_id      uuid NOT NULL,
  applicant    text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, receipt_no),
  UNIQUE (tenant_id, item_id),
  FOREIGN KEY (tenant_id, item_id) REFERENCES dm_item(tenant_id, id)
);
