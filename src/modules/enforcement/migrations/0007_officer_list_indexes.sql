-- The officer list (issue 14 item 4) sorts on indexed columns only: 姓名, 发证日期 and 有效期至 had none
-- (执法证号 has its unique index, 0001). 有效期至 also serves the certificate filter (valid / expiring / expired).
CREATE INDEX enf_officer_list_name ON enf_officer (tenant_id, name);
CREATE INDEX enf_officer_issued ON enf_officer (tenant_id, cert_issued_on);
CREATE INDEX enf_officer_valid_until ON enf_officer (tenant_id, cert_valid_until);
