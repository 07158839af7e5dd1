-- 外勤水质采样 (field app): a sample recorded on site with a photo, as the device recorded it — the
-- client's idempotency key (a retried upload returns the first record), the device's time and
-- location (NULL when not permitted: never invented), the photo's sha256 as the device computed it
-- (checked on arrival) and the server's receipt time. The sample itself is an ordinary water_sample.
CREATE TABLE water_sample_capture (
  tenant_id     uuid NOT NULL REFERENCES tenant(id),
  id            uuid NOT NULL DEFAULT gen_random_uuid(),
  org_id        uuid NOT NULL,
  sample_id     uuid NOT NULL,
  key           uuid NOT NULL,
  attachment_id uuid NOT NULL,
  sha256        text NOT NULL,
  captured_at   timestamptz NOT NULL,
  received_at   timestamptz NOT NULL,
  lat           numeric(9, 6),
  lng           numeric(9, 6),
  accuracy_m    numeric(9, 1),
  created_by    uuid,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, key),
  FOREIGN KEY (tenant_id, sample_id) REFERENCES water_sample(tenant_id, id),
  CHECK ((lat IS NULL) = (lng IS NULL)),
  CHECK (lat IS NULL OR (lat BETWEEN -90 AND 90 AND lng BETWEEN -180 AND 180))
);
CREATE INDEX water_sample_capture_sample ON water_sample_capture (tenant_id, sample_id);
