-- 接口密钥: machine clients (the 12345 platform, the provincial enforcement platform, the credit
-- platform) authenticate with a key an administrator created for them, scoped to the permissions
-- they need, expiring, revocable. Only the secret's sha256 is kept: the key is shown once.
CREATE TABLE api_key (
  tenant_id    uuid NOT NULL REFERENCES tenant(id),
  id           uuid NOT NULL DEFAULT gen_random_uuid(),
  name         text NOT NULL,
  permissions  text[] NOT NULL,
  secret_hash  text NOT NULL,
  created_by   text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_on   date NOT NULL,
  revoked_at   timestamptz,
  revoked_by   text,
  last_used_at timestamptz,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (id)
);
