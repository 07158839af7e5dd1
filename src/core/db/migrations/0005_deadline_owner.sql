-- Whose deadline it is, and what it is about: `assignee_id` the person handling the record
-- (承办人, 签收人 …) when the module knows one, `label` the record as people name it
-- (案号、工单编号 …), so 我的待办 lists the signed-in person's own deadlines first, each
-- naming its record. Both optional: a module that knows neither leaves them null.
ALTER TABLE tracked_deadline ADD COLUMN assignee_id uuid;
ALTER TABLE tracked_deadline ADD COLUMN label text;
CREATE INDEX tracked_deadline_assignee ON tracked_deadline (tenant_id, assignee_id, due_date) WHERE done_on IS NULL AND assignee_id IS NOT NULL;
CREATE INDEX tracked_deadline_org_open ON tracked_deadline (tenant_id, org_id, due_date) WHERE done_on IS NULL;
