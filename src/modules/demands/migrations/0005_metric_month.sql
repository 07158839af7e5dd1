-- Monthly aggregates of the 12345 orders (src/core/metrics/monthly.ts, kernel migration 0013): every statement
-- writing dm_item marks the Beijing months of the 办结时间 of the 12345 orders it inserted, changed (before and
-- after) or deleted, for the series `dm_item.hotline.closed` (src/modules/hotline/metrics.ts). Statement triggers
-- with transition tables: one insert a statement, whatever the write path (form, push, ledger import, undo, demo).
-- A kind whose figures get a series of their own adds it here by a later migration (CREATE OR REPLACE FUNCTION).
CREATE FUNCTION dm_item_metric_month() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO metric_month_dirty (tenant_id, series, month, xid)
    SELECT DISTINCT tenant_id, 'dm_item.hotline.closed', date_trunc('month', closed_at AT TIME ZONE 'Asia/Shanghai')::date, txid_current()
    FROM new_rows WHERE kind = 'hotline' AND closed_at IS NOT NULL
    ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO metric_month_dirty (tenant_id, series, month, xid)
    SELECT DISTINCT tenant_id, 'dm_item.hotline.closed', date_trunc('month', closed_at AT TIME ZONE 'Asia/Shanghai')::date, txid_current()
    FROM old_rows WHERE kind = 'hotline' AND closed_at IS NOT NULL
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER dm_item_metric_month_insert AFTER INSERT ON dm_item
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dm_item_metric_month();
CREATE TRIGGER dm_item_metric_month_update AFTER UPDATE ON dm_item
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dm_item_metric_month();
CREATE TRIGGER dm_item_metric_month_delete AFTER DELETE ON dm_item
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dm_item_metric_month();
