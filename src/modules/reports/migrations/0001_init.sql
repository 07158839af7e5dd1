-- The annual rule-of-law report: the bureau's narrative paragraphs per year and
-- section, kept as versions (never overwritten), and per-figure options
-- (rounding to 余/逾, year-over-year statement).
CREATE TABLE report_narrative (
  tenant_id  uuid NOT NULL REFERENCES tenant(id),
  report     text NOT NULL,
  year       integer NOT NULL,
  section    text NOT NULL,
  version    integer NOT NULL,
  body       text NOT NULL,
  author_id  uuid,
  author     text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, report, year, section, version)
);

CREATE TABLE report_figure_option (
  tenant_id  uuid NOT NULL REFERENCES tenant(id),
  report     text NOT NULL,
  year       integer NOT NULL,
  metric     text NOT NULL,
  rounding   text NOT NULL DEFAULT 'exact' CHECK (rounding IN ('exact', 'yu10', 'yu100', 'yu1000', 'yu_over10', 'yu_over100')),
  state_yoy  boolean NOT NULL DEFAULT false,
  version    integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, report, year, metric)
);
