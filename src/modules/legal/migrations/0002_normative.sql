-- 行政规范性文件: the full lifecycle (国办发〔2018〕37号) on legal_document — 起草, 公开征求意见,
-- the review's checklist, 集体审议, publication under the unified number (a series per year),
-- 备案, 有效期, 清理 and 废止. Existing normative documents already issued become 已公布 with the
-- configured defaults (filing due 30 days and validity 5 years after publication; filing date unknown).
ALTER TABLE legal_document DROP CONSTRAINT legal_document_status_check;
ALTER TABLE legal_document ADD CONSTRAINT legal_document_status_check
  CHECK (status IN ('drafting', 'commenting', 'submitted', 'reviewed', 'deliberated', 'issued', 'published', 'repealed'));
ALTER TABLE legal_document
  ADD COLUMN drafted_on       date,
  ADD COLUMN comment_from     date,
  ADD COLUMN comment_until    date,
  ADD COLUMN comment_channel  text,
  ADD COLUMN comment_summary  text,
  ADD COLUMN review_checklist jsonb,
  ADD COLUMN deliberated_on   date,
  ADD COLUMN deliberation     text,
  ADD COLUMN doc_year         integer,
  ADD COLUMN doc_seq          integer CHECK (doc_seq > 0),
  ADD COLUMN filing_due       date,
  ADD COLUMN filed_on         date,
  ADD COLUMN valid_until      date,
  ADD COLUMN repealed_on      date,
  ADD COLUMN repeal_reason    text;

UPDATE legal_document
   SET status = 'published',
       drafted_on = submitted_on,
       doc_year = CASE WHEN doc_no ~ '〔[0-9]{4}〕[0-9]+号$' THEN substring(doc_no FROM '〔([0-9]{4})〕')::integer END,
       doc_seq = CASE WHEN doc_no ~ '〔[0-9]{4}〕[0-9]+号$' THEN substring(doc_no FROM '〕([0-9]+)号$')::integer END,
       filing_due = issued_on + 30,
       valid_until = (issued_on + interval '5 years')::date
 WHERE kind = '规范性文件' AND status = 'issued';

-- 统一编号: one number per year and sequence.
CREATE UNIQUE INDEX legal_document_number ON legal_document (tenant_id, doc_year, doc_seq) WHERE doc_seq IS NOT NULL;
CREATE INDEX legal_document_published ON legal_document (tenant_id, kind, issued_on);

CREATE TABLE legal_document_cleanup (
  tenant_id    uuid NOT NULL REFERENCES tenant(id),
  id           uuid NOT NULL DEFAULT gen_random_uuid(),
  org_id       uuid NOT NULL,
  document_id  uuid NOT NULL,
  cleaned_on   date NOT NULL,
  outcome      text NOT NULL CHECK (outcome IN ('继续有效', '修改', '废止')),
  reason       text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, org_id) REFERENCES org(tenant_id, id),
  FOREIGN KEY (tenant_id, document_id) REFERENCES legal_document(tenant_id, id)
);
CREATE INDEX legal_document_cleanup_doc ON legal_document_cleanup (tenant_id, document_id, cleaned_on);
