-- The flood registers' lists (issue 14 item 4) sort on indexed columns only. Already indexed: 抢险投入's
-- 日期 (flood_deployment_date), 值班's 日期 (flood_duty_date), 工程名称 (UNIQUE (tenant_id, name)).
-- These had none: 事件, a project's 名称 and dates, a work's 类型, a duty line's 姓名, a warning's dates.
CREATE INDEX flood_deployment_event ON flood_deployment (tenant_id, event);
CREATE INDEX flood_project_name ON flood_project (tenant_id, name);
CREATE INDEX flood_project_started ON flood_project (tenant_id, started_on);
CREATE INDEX flood_project_completed ON flood_project (tenant_id, completed_on);
CREATE INDEX flood_work_kind ON flood_work (tenant_id, kind);
CREATE INDEX flood_duty_person ON flood_duty (tenant_id, person);
CREATE INDEX flood_drought_warning_starts ON flood_drought_warning (tenant_id, starts_on);
CREATE INDEX flood_drought_warning_ends ON flood_drought_warning (tenant_id, ends_on);
