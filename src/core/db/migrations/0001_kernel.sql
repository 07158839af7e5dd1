-- Kernel tables: tenants, orgs, users, sessions, audit chain, calendar overrides,
-- tracked deadlines, attachments. Frozen: never edit an applied migration; add a new one.

CREATE TABLE tenant (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name          text NOT NULL,
  division_code text,
  created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE org (
  tenant_id     uuid NOT NULL REFERENCES tenant(id),
  id            uuid NOT NULL DEFAULT gen_random_uuid(),
  name          text NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('bureau', 'department', 'street', 'other')),
  parent_id     uuid,
  uscc          text,
  division_code text,
  sort          integer NOT NULL DEFAULT 0,
  version       integer NOT NULL DEFAULT 1,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, name),
  FOREIGN KEY (tenant_id, parent_id) REFERENCES org(tenant_id, id)
);

CREATE TABLE app_user (
  tenant_id            uuid NOT NULL REFERENCES tenant(id),
  id                   uuid NOT NULL DEFAULT gen_random_uuid(),
  username             text NOT NULL UNIQUE,
  display_name         text NOT NULL,
  org_id               uuid NOT NULL,
  roles                text[] NOT NULL DEFAULT '{}',
  password_hash        text NOT NULL,
  must_change_password boolean NOT NULL DEFAULT true,
  failed_attempts      integer NOT NULL DEFAULT 0,
  locked_until         timestamptz,
  disabled             boolean NOT NULL DEFAULT false,
  version              integer NOT NULL DEFAULT 1,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, org_id) REFERENCES org(tenant_id, id)
);

CREATE TABLE app_session (
  id_hash      text PRIMARY KEY,
  tenant_id    uuid NOT NULL,
  user_id      uuid NOT NULL,
  csrf_token   text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (tenant_id, user_id) REFERENCES app_user(tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX app_session_user ON app_session (tenant_id, user_id);

-- 审计链: append-only, each event carries the hash of the previous event of its tenant.
CREATE TABLE audit_event (
  tenant_id  uuid NOT NULL REFERENCES tenant(id),
  seq        bigint NOT NULL,
  at         timestamptz NOT NULL,
  actor_id   uuid,
  actor_name text NOT NULL,
  org_id     uuid,
  entity     text NOT NULL,
  entity_id  text NOT NULL,
  action     text NOT NULL,
  changes    jsonb NOT NULL,
  request_id text,
  prev_hash  text NOT NULL,
  hash       text NOT NULL,
  PRIMARY KEY (tenant_id, seq)
);
CREATE INDEX audit_event_entity ON audit_event (tenant_id, entity, entity_id);

CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only';
END $$;
CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();

-- 节假日调整表: national reference data (replicated in a distributed deployment).
CREATE TABLE calendar_override (
  date       date PRIMARY KEY,
  kind       text NOT NULL CHECK (kind IN ('workday', 'holiday')),
  name       text,
  note       text,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Deadlines that modules track, so the kernel can recompute them when the calendar changes
-- and list what is due across modules.
CREATE TABLE tracked_deadline (
  tenant_id   uuid NOT NULL REFERENCES tenant(id),
  id          uuid NOT NULL DEFAULT gen_random_uuid(),
  org_id      uuid NOT NULL,
  module      text NOT NULL,
  entity      text NOT NULL,
  entity_id   text NOT NULL,
  title       text NOT NULL,
  rule        jsonb NOT NULL,
  start_date  date NOT NULL,
  pauses      jsonb NOT NULL DEFAULT '[]',
  extensions  jsonb NOT NULL DEFAULT '[]',
  restart_on  date,
  due_date    date NOT NULL,
  done_on     date,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, entity, entity_id, module, title)
);
CREATE INDEX tracked_deadline_open ON tracked_deadline (tenant_id, due_date) WHERE done_on IS NULL;

-- 附件: content-addressed (sha256) blobs, linked to the record that owns them.
CREATE TABLE attachment (
  tenant_id   uuid NOT NULL REFERENCES tenant(id),
  id          uuid NOT NULL DEFAULT gen_random_uuid(),
  sha256      text NOT NULL,
  size        bigint NOT NULL,
  mime        text NOT NULL,
  filename    text NOT NULL,
  entity      text NOT NULL,
  entity_id   text NOT NULL,
  org_id      uuid NOT NULL,
  uploaded_by uuid,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX attachment_entity ON attachment (tenant_id, entity, entity_id);
