-- Citizens' phone numbers and ID numbers are stored encrypted (kernel PII helper);
-- a keyed blind index of the phone lets the hotline find a repeat caller.
ALTER TABLE dm_item ADD COLUMN person_phone_idx text;
CREATE INDEX dm_item_person_phone_idx ON dm_item (tenant_id, kind, person_phone_idx) WHERE person_phone_idx IS NOT NULL;
