-- Whether a sentence of a metric family (e.g. one monitoring section's class) is
-- written into the report; the bureau picks the sections it reports on.
ALTER TABLE report_figure_option ADD COLUMN include_in_report boolean NOT NULL DEFAULT false;
