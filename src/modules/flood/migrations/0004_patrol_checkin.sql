-- 巡查打卡 (field app): a patrol's check-in at a flood-risk point — the point, the device's time and
-- location (NULL when not permitted: never invented), a note, the photo's sha256 as the device
-- computed it (checked on arrival; the photo is the check-in's attachment) and the server's receipt
-- time; the client's idempotency key makes a retried upload return the first check-in.
CREATE TABLE flood_patrol_checkin (
  tenant_id     uuid NOT NULL REFERENCES tenant(id),
  id            uuid NOT NULL DEFAULT gen_random_uuid(),
  org_id        uuid NOT NULL,
  point_id      uuid NOT NULL,
  key           uuid NOT NULL,
  checked_at    timestamptz NOT NULL,
  received_at   timestamptz NOT NULL,
  lat           numeric(9, 6),
  lng           numeric(9, 6),
  accuracy_m    numeric(9, 1),
  note          text,
  sha256        text NOT NULL,
  created_by    uuid,
  created_by_name text NOT NULL,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, key),
  FOREIGN KEY (tenant_id, point_id) REFERENCES flood_risk_point(tenant_id, id),
  CHECK ((lat IS NULL) = (lng IS NULL)),
  CHECK (lat IS NULL OR (lat BETWEEN -90 AND 90 AND lng BETWEEN -180 AND 180))
);
CREATE INDEX flood_patrol_checkin_point ON flood_patrol_checkin (tenant_id, point_id, checked_at);
