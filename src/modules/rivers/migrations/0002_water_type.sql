-- 水体类型 and 总氮: GB 3838-2002 表1 sets other limits for lakes and reservoirs (湖、库):
-- total phosphorus, and total nitrogen, which is assessed for them only.
-- Frozen: never edit once applied; add 0003_….

ALTER TABLE river ADD COLUMN water_type text NOT NULL DEFAULT '河流' CHECK (water_type IN ('河流', '湖泊', '水库'));
ALTER TABLE water_sample ADD COLUMN tn_mgl numeric(8,3);
