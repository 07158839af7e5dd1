-- The case and clue lists (issue 14 item 4) sort on indexed columns only: 决定日期 of a case and
-- 收到日期 of a clue (the clue list's default order) had none.
CREATE INDEX enf_case_decided ON enf_case (tenant_id, decided_on);
CREATE INDEX enf_clue_received ON enf_clue (tenant_id, received_on);
