-- The case list (issue 14 item 4) sorts on indexed columns only: 案号 (its UNIQUE index), 收案日期 and
-- 决定（裁判）日期 had theirs; 答复（答辩）期限 and 结案日期 had none.
CREATE INDEX lit_case_reply_due ON lit_case (tenant_id, reply_due_on);
CREATE INDEX lit_case_closed ON lit_case (tenant_id, closed_on);
