-- 台账导入记录: every committed ledger import, the file it came from (kept in the
-- content-addressed store under its sha256) and what it did. One audit event per
-- import names the file, the counts and the findings.
CREATE TABLE ledger_import (
  tenant_id    uuid NOT NULL REFERENCES tenant(id),
  id           uuid NOT NULL DEFAULT gen_random_uuid(),
  ledger       text NOT NULL,
  filename     text NOT NULL,
  file_sha256  text NOT NULL,
  file_size    bigint NOT NULL,
  actor_id     uuid,
  actor_name   text NOT NULL,
  at           timestamptz NOT NULL DEFAULT now(),
  row_count    integer NOT NULL,
  created      integer NOT NULL,
  updated      integer NOT NULL,
  unchanged    integer NOT NULL,
  finding_count integer NOT NULL,
  ignored_rows jsonb NOT NULL DEFAULT '[]',
  audit_seq    bigint,
  undone_at    timestamptz,
  undone_by    text,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ledger_import_by_ledger ON ledger_import (tenant_id, ledger, at DESC);
CREATE INDEX ledger_import_by_time ON ledger_import (tenant_id, at DESC);

-- Provenance of imported records: record X was created/updated from row N of import I,
-- with these values (what the record's history shows instead of one audit event per row).
-- `before` keeps an updated record's previous values so the import can be undone.
-- High-volume (one row per imported record): no foreign keys, whose per-row checks would
-- double the cost of a large import; rows are written only by importLedger in the same
-- transaction as their ledger_import row.
CREATE TABLE ledger_import_row (
  tenant_id   uuid NOT NULL,
  import_id   uuid NOT NULL,
  row_number  integer NOT NULL,
  entity      text NOT NULL,
  entity_id   text NOT NULL,
  action      text NOT NULL CHECK (action IN ('created', 'updated')),
  org_id      uuid,
  "values"    jsonb NOT NULL,
  before      jsonb,
  PRIMARY KEY (tenant_id, import_id, entity, entity_id)
);
CREATE INDEX ledger_import_row_record ON ledger_import_row (tenant_id, entity_id);

-- historical findings: a rule a record broke when it was made (taken as history by an
-- import, never silently): shown on the record, listed in the import report, counted.
CREATE TABLE record_finding (
  tenant_id   uuid NOT NULL,
  id          uuid NOT NULL DEFAULT gen_random_uuid(),
  entity      text NOT NULL,
  entity_id   text NOT NULL,
  org_id      uuid,
  rule        text NOT NULL,
  statute     text NOT NULL,
  message     text NOT NULL,
  field       text,
  import_id   uuid,
  row_number  integer,
  at          timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX record_finding_record ON record_finding (tenant_id, entity, entity_id);
CREATE INDEX record_finding_rule ON record_finding (tenant_id, rule);
CREATE INDEX record_finding_import ON record_finding (tenant_id, import_id, row_number);

-- Signed checkpoints of each tenant's audit chain head (HMAC-SHA256 with a key kept outside
-- the database): a re-verification starts from the newest valid checkpoint, so it reads only
-- the events recorded since; a deleted tail, a truncate or a rewrite with recomputed hashes
-- no longer matches a signed checkpoint. Append-only, like the chain itself.
CREATE TABLE audit_checkpoint (
  tenant_id  uuid NOT NULL REFERENCES tenant(id),
  seq        bigint NOT NULL,
  hash       text NOT NULL,
  at         timestamptz NOT NULL,
  mac        text NOT NULL,
  PRIMARY KEY (tenant_id, seq)
);
CREATE TRIGGER audit_checkpoint_no_update BEFORE UPDATE OR DELETE ON audit_checkpoint
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();

-- TRUNCATE fires no row triggers: refuse it on the chain and its checkpoints too.
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON audit_checkpoint
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
