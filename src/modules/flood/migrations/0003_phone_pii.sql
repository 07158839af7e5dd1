-- Staff phones (duty roster, water works' responsible persons) are stored encrypted with a
-- keyed blind index, like citizens' identifiers (core/crypto/pii.ts). SQL cannot encrypt:
-- the rows written before this migration keep their plain phone with a null index until
-- the start-up step seals them (ModuleDef.pii, sealPlaintext); the partial indexes find
-- those rows without reading the table.
-- Frozen: never edit once applied; add 0004_….
ALTER TABLE flood_duty ADD COLUMN phone_idx text;
ALTER TABLE flood_work ADD COLUMN admin_phone_idx text;
ALTER TABLE flood_work ADD COLUMN tech_phone_idx text;
ALTER TABLE flood_work ADD COLUMN patrol_phone_idx text;

CREATE INDEX flood_duty_phone_idx ON flood_duty (tenant_id, phone_idx) WHERE phone_idx IS NOT NULL;
CREATE INDEX flood_work_admin_phone_idx ON flood_work (tenant_id, admin_phone_idx) WHERE admin_phone_idx IS NOT NULL;
CREATE INDEX flood_work_tech_phone_idx ON flood_work (tenant_id, tech_phone_idx) WHERE tech_phone_idx IS NOT NULL;
CREATE INDEX flood_work_patrol_phone_idx ON flood_work (tenant_id, patrol_phone_idx) WHERE patrol_phone_idx IS NOT NULL;

CREATE INDEX flood_duty_phone_unsealed ON flood_duty (tenant_id, id) WHERE phone IS NOT NULL AND phone_idx IS NULL;
CREATE INDEX flood_work_admin_phone_unsealed ON flood_work (tenant_id, id) WHERE admin_phone IS NOT NULL AND admin_phone_idx IS NULL;
CREATE INDEX flood_work_tech_phone_unsealed ON flood_work (tenant_id, id) WHERE tech_phone IS NOT NULL AND tech_phone_idx IS NULL;
CREATE INDEX flood_work_patrol_phone_unsealed ON flood_work (tenant_id, id) WHERE patrol_phone IS NOT NULL AND patrol_phone_idx IS NULL;
