import type { Selectable } from 'kysely';
import type { Criterion, LegalTables } from './schema.js';
import type { AdviceView, AppraisalView, ContractView, DocumentView } from './schemas.js';
import { DOCUMENT_STAGES, documentActions, documentFacts } from './workflow.js';

type Row<T extends keyof LegalTables> = Selectable<LegalTables[T]>;

export const presentContract = (r: Row<'legal_contract'>): ContractView => ({
  id: r.id as string,
  orgId: r.org_id as string,
  firm: r.firm as string,
  contractNo: r.contract_no as string,
  startOn: r.start_on as string,
  endOn: r.end_on as string,
  feeYuan: r.fee_fen == null ? null : Number(r.fee_fen) / 100,
  lawyers: r.lawyers as string | null,
  procurement: r.procurement as string | null,
  version: r.version as number,
});

export const presentAdvice = (r: Row<'legal_advice'>): AdviceView => ({
  id: r.id as string,
  orgId: r.org_id as string,
  date: r.date as string,
  kind: r.kind,
  title: r.title as string,
  firm: r.firm as string | null,
  handler: r.handler as string | null,
  contractId: r.contract_id as string | null,
  opinion: r.opinion as string | null,
  version: r.version as number,
});

export const DOC_STATUS_LABELS = DOCUMENT_STAGES;

/** A document with the `legal.document` workflow's actions for the actor's roles (the engine's one shape). */
export const presentDocument = (r: Row<'legal_document'> & { org_name?: string | null }, roles: readonly string[]): DocumentView => ({
  id: r.id as string,
  orgId: r.org_id as string,
  orgName: (r.org_name ?? null) as string | null,
  kind: r.kind,
  title: r.title as string,
  submittedOn: r.submitted_on as string,
  status: r.status as keyof typeof DOC_STATUS_LABELS,
  statusLabel: DOC_STATUS_LABELS[r.status as keyof typeof DOC_STATUS_LABELS],
  reviewedOn: r.reviewed_on as string | null,
  reviewResult: r.review_result,
  reviewOpinion: r.review_opinion as string | null,
  reviewer: r.reviewer as string | null,
  issuedOn: r.issued_on as string | null,
  docNo: r.doc_no as string | null,
  /** Review (again, after 存在问题) and issue once reviewed 同意 — allowed or not, and why. */
  actions: documentActions(r.status, documentFacts({ kind: r.kind, review_result: r.review_result }), roles),
  version: r.version as number,
});

export const presentAppraisal = (r: Row<'legal_appraisal'>): AppraisalView => ({
  id: r.id as string,
  orgId: r.org_id as string,
  year: r.year as number,
  contractId: r.contract_id as string | null,
  appraisedOn: r.appraised_on as string,
  selfCheck: r.self_check as string,
  criteria: (typeof r.criteria === 'string' ? JSON.parse(r.criteria) : r.criteria) as Criterion[],
  total: Number(r.total),
  grade: r.grade as string,
  suggestions: r.suggestions as string | null,
  version: r.version as number,
});
