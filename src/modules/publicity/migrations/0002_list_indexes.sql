-- The 双公示 register's list (issue 14 item 4) sorts on indexed columns only and reads one year by the
-- decision's date: 公示日期 had its index; 决定文书号, 决定日期 and 公示期限 had none.
CREATE INDEX pub_decision_no ON pub_decision (tenant_id, decision_no);
CREATE INDEX pub_decision_decided ON pub_decision (tenant_id, decided_on);
CREATE INDEX pub_decision_due ON pub_decision (tenant_id, due_on);
