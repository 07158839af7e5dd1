-- The permit list (issue 14 item 4) sorts on indexed columns only: 办件编号 (its UNIQUE index), 收件日期 and
-- 决定日期 had theirs; 受理日期 and 承诺期限 had none. The 许可事项 filter reads by item.
CREATE INDEX lic_permit_accepted ON lic_permit (tenant_id, accepted_on);
CREATE INDEX lic_permit_due ON lic_permit (tenant_id, due_on);
CREATE INDEX lic_permit_item ON lic_permit (tenant_id, item_id);
