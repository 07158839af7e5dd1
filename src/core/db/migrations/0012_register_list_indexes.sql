-- 用户管理 and 单位管理 (issue 14 item 4) sort on indexed columns: the users' 用户名 (the UNIQUE username does not
-- lead with the tenant), 姓名 and 角色; the units' 类型 and 排序 (名称 is UNIQUE (tenant_id, name)).
-- The users' 所属单位 sorts on the unit's name through the join: a tenant's units and users are staff-sized.
CREATE INDEX app_user_username ON app_user (tenant_id, username);
CREATE INDEX app_user_display_name ON app_user (tenant_id, display_name);
CREATE INDEX app_user_roles ON app_user (tenant_id, roles);
CREATE INDEX org_kind ON org (tenant_id, kind);
CREATE INDEX org_sort ON org (tenant_id, sort);
