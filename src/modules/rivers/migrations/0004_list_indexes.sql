-- The water sample list (issue 14 item 4) sorts on indexed columns only: 水质类别 had none
-- (采样日期, the default order, has water_sample_date).
CREATE INDEX water_sample_class ON water_sample (tenant_id, gb_class);
