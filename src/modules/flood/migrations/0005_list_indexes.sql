-- The risk point list (issue 14 item 4) sorts on indexed columns only: 纳入台账日期 and 完成日期 had none
-- (编号, the default order, has the unique index).
CREATE INDEX flood_risk_point_registered ON flood_risk_point (tenant_id, registered_on);
CREATE INDEX flood_risk_point_completed ON flood_risk_point (tenant_id, completed_on);
