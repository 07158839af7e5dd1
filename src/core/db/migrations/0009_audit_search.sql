-- The audit log's search (issue 14 item 6): by person, by action, by record type, by record, by time,
-- each newest first by seq (the viewer pages by seq, keyset), so every filter is served by an index.
CREATE INDEX audit_event_actor ON audit_event (tenant_id, actor_id, seq DESC);
CREATE INDEX audit_event_action ON audit_event (tenant_id, action, seq DESC);
CREATE INDEX audit_event_entity_seq ON audit_event (tenant_id, entity, seq DESC);
CREATE INDEX audit_event_entity_id ON audit_event (tenant_id, entity_id, seq DESC);
CREATE INDEX audit_event_at ON audit_event (tenant_id, at);

-- 个人中心's 我的会话: where a session signed in from (the request's address and browser).
ALTER TABLE app_session ADD COLUMN ip text;
ALTER TABLE app_session ADD COLUMN user_agent text;
