-- Record states: each audit event on a business record carries the hash of the record's row
-- (rows, for an entity keyed by a date or a year) after the change — covered by the event's own
-- hash, so it cannot be altered unseen — and each import's provenance row the hash of the record
-- it wrote (covered by a digest in the import's event). `fazhi audit verify --records` compares
-- every record with the newest of these and names the records changed, inserted or deleted
-- outside the application. '-' stands for "the record no longer exists".
ALTER TABLE audit_event ADD COLUMN state_hash text;
ALTER TABLE ledger_import_row ADD COLUMN state_hash text;
CREATE INDEX audit_event_state ON audit_event (tenant_id, entity, entity_id, seq DESC) WHERE state_hash IS NOT NULL;
