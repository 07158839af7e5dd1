-- The record list (issue 14 item 4) sorts on indexed columns only: 检查编号 (its UNIQUE index) and
-- 检查日期 had theirs; 整改期限 and 办结日期 had none.
CREATE INDEX insp_record_rectify_due ON insp_record (tenant_id, rectify_due_on);
CREATE INDEX insp_record_closed ON insp_record (tenant_id, closed_on);
