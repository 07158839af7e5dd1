-- The decision list (issue 14 item 4) sorts on indexed columns only: 年度 and 集体讨论日期 had theirs;
-- 决策事项, 合法性审查日期 and 公布日期 had none.
CREATE INDEX dec_decision_title ON dec_decision (tenant_id, title);
CREATE INDEX dec_decision_review ON dec_decision (tenant_id, review_on);
CREATE INDEX dec_decision_publication ON dec_decision (tenant_id, publication_on);
