-- The legal registers' lists (issue 14 item 4) sort on indexed columns only.
-- 规范性文件与合法性审查: 送审日期, 审查日期, 公布/决策日期, 文号, 名称 (legal_document_published leads with kind).
CREATE INDEX legal_document_submitted ON legal_document (tenant_id, submitted_on);
CREATE INDEX legal_document_reviewed ON legal_document (tenant_id, reviewed_on);
CREATE INDEX legal_document_issued ON legal_document (tenant_id, issued_on);
CREATE INDEX legal_document_doc_no ON legal_document (tenant_id, doc_no);
CREATE INDEX legal_document_title ON legal_document (tenant_id, title);
-- 顾问合同: 合同编号 has its UNIQUE index; 起始日期, 截止日期, 顾问单位.
CREATE INDEX legal_contract_start ON legal_contract (tenant_id, start_on);
CREATE INDEX legal_contract_end ON legal_contract (tenant_id, end_on);
CREATE INDEX legal_contract_firm ON legal_contract (tenant_id, firm);
-- 法律顾问工作台账: 日期 has legal_advice_date; 类型 (its filter, then by date) and 事项名称.
CREATE INDEX legal_advice_kind ON legal_advice (tenant_id, kind, date);
CREATE INDEX legal_advice_title ON legal_advice (tenant_id, title);
