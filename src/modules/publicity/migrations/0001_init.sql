-- 双公示: administrative penalty and licensing decisions published to the public
-- and to the credit platform. Written by the modules that decide (enforcement,
-- licensing) through this module's exported functions.
CREATE TABLE pub_decision (
  tenant_id      uuid NOT NULL REFERENCES tenant(id),
  id             uuid NOT NULL DEFAULT gen_random_uuid(),
  org_id         uuid NOT NULL,
  kind           text NOT NULL CHECK (kind IN ('penalty', 'permit')),
  source_entity  text NOT NULL,
  source_id      text NOT NULL,
  decision_no    text NOT NULL,
  decided_on     date NOT NULL,
  due_on         date NOT NULL,
  published_on   date,
  party_name     text NOT NULL,
  party_type     text NOT NULL,
  party_id_no    text,
  title          text NOT NULL,
  content        text NOT NULL,
  basis          text,
  amount_fen     bigint,
  fields         jsonb NOT NULL DEFAULT '{}',
  withdrawn_on   date,
  withdraw_reason text,
  version        integer NOT NULL DEFAULT 1,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, source_entity, source_id)
);
CREATE INDEX pub_decision_published ON pub_decision (tenant_id, published_on);
