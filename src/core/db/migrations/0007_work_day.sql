-- The working-day calendar as a table, so that metrics compare dates in working days set-based in SQL
-- (按时办结, 平均办理时长, 即将到期) instead of fetching every record to judge it in JavaScript.
-- One row a day over a fixed span; `ord` counts the working days from the span's start up to and
-- including the day, so the working days after `a` up to and including `b` are `ord(b) - ord(a)`.
-- The calendar service fills it from the same calendar the rules use (chinese-days, the statutory
-- holidays for unannounced years, the admin's overrides) and refills it when an override changes;
-- `work_day_state` keeps the fingerprint of what it was filled from. A reference table: the calendar
-- is the same for every tenant (the overrides are the bureau's, as `calendar_override` is).
CREATE TABLE work_day (
  day     date PRIMARY KEY,
  workday boolean NOT NULL,
  ord     integer NOT NULL
);

CREATE TABLE work_day_state (
  id          boolean PRIMARY KEY DEFAULT true CHECK (id),
  fingerprint text NOT NULL,
  filled_at   timestamptz NOT NULL DEFAULT now()
);
