-- The demand lists' default order — open ones first by due date, then the newest received,
-- then the id (a stable page, the cursor's last key) — served by one index, so a page (by
-- page number or by cursor) reads its own rows in order instead of sorting the kind's every
-- row (issue #17). The kind's closed-at, received-at and number indexes serve the other sorts.
CREATE INDEX dm_item_list_default ON dm_item (tenant_id, kind, (closed_at IS NOT NULL), due_on, received_at DESC, id);
