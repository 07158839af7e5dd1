-- The 诉求类型 filter of the demand lists: its capped count (issue #17) reads this index only,
-- not every row of the kind.
CREATE INDEX dm_item_demand_type ON dm_item (tenant_id, kind, demand_type);

-- The overview's counts of open demands per kind and unit (overdue, due soon, paused) read this
-- index only: every column they test is in it.
CREATE INDEX dm_item_open_counts ON dm_item (tenant_id, kind, org_id, due_on) INCLUDE (status, replied_at) WHERE closed_at IS NULL;
