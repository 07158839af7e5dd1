-- The alert list (黑臭预警, issue 14 item 4) sorts on indexed columns only and reads one year by the
-- alert's date: 预警日期 and 处置日期 had no index (only the open alerts by unit).
CREATE INDEX river_alert_raised ON river_alert (tenant_id, raised_on);
CREATE INDEX river_alert_handled ON river_alert (tenant_id, handled_on);
