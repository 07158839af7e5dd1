-- The registers' lists (issue 14 item 4) sort on indexed columns only: 检查对象 by code (its UNIQUE
-- index), name, kind and street; 执法检查人员 by code (UNIQUE), name and 执法证号; 抽查计划 by year,
-- title and the start of its window.
CREATE INDEX insp_entity_name ON insp_entity (tenant_id, name);
CREATE INDEX insp_entity_kind ON insp_entity (tenant_id, kind);
CREATE INDEX insp_entity_street ON insp_entity (tenant_id, street);
CREATE INDEX insp_inspector_name ON insp_inspector (tenant_id, name);
CREATE INDEX insp_inspector_cert ON insp_inspector (tenant_id, cert_no);
CREATE INDEX insp_plan_year ON insp_plan (tenant_id, year);
CREATE INDEX insp_plan_title ON insp_plan (tenant_id, title);
CREATE INDEX insp_plan_window ON insp_plan (tenant_id, window_from);
