-- Monthly aggregates of the penalty cases (src/core/metrics/monthly.ts, kernel migration 0013): every statement
-- writing enf_case marks the months of the 立案日期 (series `enf_case.filed`) and of the 结案日期 (series
-- `enf_case.closed`) of the cases it inserted, changed (before and after) or deleted (src/modules/enforcement/metrics.ts).
-- Statement triggers with transition tables: one insert a statement, whatever the write path (form, ledger import, undo, demo).
CREATE FUNCTION enf_case_metric_month() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO metric_month_dirty (tenant_id, series, month, xid)
    SELECT DISTINCT tenant_id, 'enf_case.filed', date_trunc('month', filed_on)::date, txid_current() FROM new_rows WHERE filed_on IS NOT NULL
    UNION
    SELECT DISTINCT tenant_id, 'enf_case.closed', date_trunc('month', closed_on)::date, txid_current() FROM new_rows WHERE closed_on IS NOT NULL
    ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO metric_month_dirty (tenant_id, series, month, xid)
    SELECT DISTINCT tenant_id, 'enf_case.filed', date_trunc('month', filed_on)::date, txid_current() FROM old_rows WHERE filed_on IS NOT NULL
    UNION
    SELECT DISTINCT tenant_id, 'enf_case.closed', date_trunc('month', closed_on)::date, txid_current() FROM old_rows WHERE closed_on IS NOT NULL
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER enf_case_metric_month_insert AFTER INSERT ON enf_case
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION enf_case_metric_month();
CREATE TRIGGER enf_case_metric_month_update AFTER UPDATE ON enf_case
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION enf_case_metric_month();
CREATE TRIGGER enf_case_metric_month_delete AFTER DELETE ON enf_case
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION enf_case_metric_month();
