-- Frozen: never edit once applied; add 0003_….
-- The import that added a hearing (null for one recorded at the desk): undoing the import removes
-- the hearings it added to cases it only updated (a case it created takes its hearings with it).
ALTER TABLE lit_hearing ADD COLUMN import_id uuid;
CREATE INDEX lit_hearing_import ON lit_hearing (tenant_id, import_id) WHERE import_id IS NOT NULL;
