-- 学法用法: law study sessions, exams, training events (incl. the street offices'),
-- the 谁执法谁普法 responsibility list and publicity (普法) activities.
CREATE TABLE staff_study_session (
  tenant_id   uuid NOT NULL REFERENCES tenant(id),
  id          uuid NOT NULL DEFAULT gen_random_uuid(),
  org_id      uuid NOT NULL,
  date        date NOT NULL,
  form        text NOT NULL CHECK (form IN ('理论学习中心组', '专题培训', '法治讲座', '其他')),
  topic       text NOT NULL,
  attendees   integer CHECK (attendees >= 0),
  host        text,
  version     integer NOT NULL DEFAULT 1,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, org_id) REFERENCES org(tenant_id, id)
);
CREATE INDEX staff_study_date ON staff_study_session (tenant_id, date);

CREATE TABLE staff_exam_result (
  tenant_id   uuid NOT NULL REFERENCES tenant(id),
  id          uuid NOT NULL DEFAULT gen_random_uuid(),
  org_id      uuid NOT NULL,
  exam        text NOT NULL,
  date        date NOT NULL,
  person      text NOT NULL,
  score       numeric(5,1) NOT NULL CHECK (score >= 0),
  pass_mark   numeric(5,1) NOT NULL CHECK (pass_mark >= 0),
  version     integer NOT NULL DEFAULT 1,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, exam, date, person),
  FOREIGN KEY (tenant_id, org_id) REFERENCES org(tenant_id, id)
);
CREATE INDEX staff_exam_date ON staff_exam_result (tenant_id, date);

CREATE TABLE staff_training (
  tenant_id   uuid NOT NULL REFERENCES tenant(id),
  id          uuid NOT NULL DEFAULT gen_random_uuid(),
  org_id      uuid NOT NULL,
  date        date NOT NULL,
  topic       text NOT NULL,
  audience    text CHECK (audience IN ('局机关', '街道')),
  mode        text CHECK (mode IN ('线上', '线下', '线上线下')),
  onsite      integer CHECK (onsite >= 0),
  online      integer CHECK (online >= 0),
  attendees   integer NOT NULL CHECK (attendees >= 0),
  venue       text,
  speaker     text,
  version     integer NOT NULL DEFAULT 1,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, org_id) REFERENCES org(tenant_id, id)
);
CREATE INDEX staff_training_date ON staff_training (tenant_id, date);

-- 谁执法谁普法 普法责任清单: one row per law the bureau is responsible for publicising.
CREATE TABLE staff_pufa_duty (
  tenant_id   uuid NOT NULL REFERENCES tenant(id),
  id          uuid NOT NULL DEFAULT gen_random_uuid(),
  org_id      uuid NOT NULL,
  year        integer NOT NULL,
  law         text NOT NULL,
  content     text NOT NULL,
  audience    text,
  measures    text,
  version     integer NOT NULL DEFAULT 1,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, org_id) REFERENCES org(tenant_id, id)
);

CREATE TABLE staff_pufa_activity (
  tenant_id   uuid NOT NULL REFERENCES tenant(id),
  id          uuid NOT NULL DEFAULT gen_random_uuid(),
  org_id      uuid NOT NULL,
  date        date NOT NULL,
  title       text NOT NULL,
  laws        text,
  place       text,
  audience_count integer CHECK (audience_count >= 0),
  duty_id     uuid,
  version     integer NOT NULL DEFAULT 1,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, org_id) REFERENCES org(tenant_id, id),
  FOREIGN KEY (tenant_id, duty_id) REFERENCES staff_pufa_duty(tenant_id, id)
);
