-- 现场取证 (field app): each photo or video an officer takes on a case, as the device recorded it —
-- the client's idempotency key (a retried upload returns the first record), the device's time and
-- location (NULL when the officer did not permit it: never invented), the sha256 the device computed
-- (checked against the received bytes before anything is stored) and the server's receipt time. The
-- evidence (enf_evidence) and the file (attachment) are registered in the same transaction.
CREATE TABLE enf_field_capture (
  tenant_id     uuid NOT NULL REFERENCES tenant(id),
  id            uuid NOT NULL DEFAULT gen_random_uuid(),
  org_id        uuid NOT NULL,
  case_id       uuid NOT NULL,
  key           uuid NOT NULL,
  evidence_id   uuid NOT NULL,
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
  FOREIGN KEY (tenant_id, case_id) REFERENCES enf_case(tenant_id, id),
  FOREIGN KEY (tenant_id, evidence_id) REFERENCES enf_evidence(tenant_id, id),
  CHECK ((lat IS NULL) = (lng IS NULL)),
  CHECK (lat IS NULL OR (lat BETWEEN -90 AND 90 AND lng BETWEEN -180 AND 180))
);
CREATE INDEX enf_field_capture_case ON enf_field_capture (tenant_id, case_id, captured_at);
