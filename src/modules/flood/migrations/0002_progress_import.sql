-- A progress update a ledger import recorded names that import, so undoing the
-- import removes exactly the updates it added (forms leave it null).
-- Frozen: never edit once applied; add 0003_….
ALTER TABLE flood_risk_progress ADD COLUMN import_id uuid;
CREATE INDEX flood_risk_progress_import ON flood_risk_progress (tenant_id, import_id) WHERE import_id IS NOT NULL;
