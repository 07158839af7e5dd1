-- The audit log's time filter (issue 14 item 6) turned into a span of seq: the first event at or after
-- the start and the last one before the end are read on (tenant_id, at, seq) — the lowest seq among
-- events of the same instant (a batch shares its `at`) is the index's first entry of that instant —
-- so a day long ago is read from its own events, not by walking back from the newest. Replaces the
-- (tenant_id, at) index of 0009.
DROP INDEX audit_event_at;
CREATE INDEX audit_event_at_seq ON audit_event (tenant_id, at, seq);
