import type { Selectable } from 'kysely';
import type { Criterion, LegalTables } from './schema.js';
import type { AdviceView, AppraisalView, ContractView, DocumentView } from './schemas.js';
import { DOCUMENT_STAGES, documentActions, documentFacts } from './workflow.js';
import { expiryReminderRule, NORMATIVE_RULES, normativeStatus } from './rules.js';
import { computeDeadline, deadlineStatus } from '../../core/calendar/deadline.js';
import { createCalendar, type WorkCalendar } from '../../core/calendar/calendar.js';

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

/** What the presenter needs beside the row: the actor's roles, today and the calendar (deadline status). */
export interface DocumentLens {
  roles: readonly string[];
  today: string;
  calendar?: WorkCalendar;
}

const d = (v: unknown) => (v ?? null) as string | null;

/** A published normative document's deadlines: 备案 and 有效期, with their status on `today`. */
function documentDeadlines(r: Row<'legal_document'>, lens: DocumentLens) {
  if (r.kind !== '规范性文件' || !r.issued_on) return [];
  const status = (due: string, doneOn: string | null) =>
    lens.calendar ? deadlineStatus({ due, today: lens.today, doneOn }, lens.calendar) : doneOn ? 'done' : due < lens.today ? 'overdue' : 'ok';
  const out = [];
  if (r.filing_due) {
    const f = NORMATIVE_RULES.filing;
    out.push({ key: f.key, label: f.label, due: r.filing_due, doneOn: d(r.filed_on), status: status(r.filing_due, d(r.filed_on)), source: f.source });
  }
  if (r.valid_until) {
    const v = NORMATIVE_RULES.validity;
    out.push({
      key: v.key,
      label: '有效期届满',
      due: r.valid_until,
      doneOn: d(r.repealed_on),
      status: status(r.valid_until, d(r.repealed_on)),
      source: v.source,
    });
  }
  return out as DocumentView['deadlines'];
}

/** A document with the `legal.document` workflow's actions for the actor's roles (the engine's one shape). */
export const presentDocument = (r: Row<'legal_document'> & { org_name?: string | null }, lens: DocumentLens): DocumentView => {
  const published = r.kind === '规范性文件' && (r.status === 'published' || r.status === 'repealed');
  const validUntil = d(r.valid_until);
  return {
    id: r.id as string,
    orgId: r.org_id as string,
    orgName: (r.org_name ?? null) as string | null,
    kind: r.kind,
    title: r.title as string,
    submittedOn: r.submitted_on as string,
    status: r.status,
    statusLabel: DOC_STATUS_LABELS[r.status],
    reviewedOn: r.reviewed_on as string | null,
    reviewResult: r.review_result,
    reviewOpinion: r.review_opinion as string | null,
    reviewer: r.reviewer as string | null,
    issuedOn: r.issued_on as string | null,
    docNo: r.doc_no as string | null,
    draftedOn: d(r.drafted_on),
    commentFrom: d(r.comment_from),
    commentUntil: d(r.comment_until),
    commentChannel: d(r.comment_channel),
    commentSummary: d(r.comment_summary),
    reviewChecklist: (typeof r.review_checklist === 'string' ? JSON.parse(r.review_checklist) : (r.review_checklist ?? null)) as Record<string, boolean> | null,
    deliberatedOn: d(r.deliberated_on),
    deliberation: d(r.deliberation),
    filingDue: d(r.filing_due),
    filedOn: d(r.filed_on),
    filedOnTime: r.filed_on && r.filing_due ? r.filed_on <= r.filing_due : null,
    validUntil,
    expiryReminderOn:
      published && r.issued_on && validUntil
        ? computeDeadline({ rule: expiryReminderRule(validYears(r.issued_on, validUntil)), start: r.issued_on }, lens.calendar ?? createCalendar()).due
        : null,
    repealedOn: d(r.repealed_on),
    repealReason: d(r.repeal_reason),
    publicStatus: published ? normativeStatus({ repealedOn: d(r.repealed_on), validUntil }, lens.today) : null,
    deadlines: documentDeadlines(r, lens),
    /** Each step its kind takes at this stage — allowed or not, and why. */
    actions: documentActions(r.status, documentFacts(r, lens.today), lens.roles),
    version: r.version as number,
  };
};

/** The validity in whole years between publication and the end of the validity (at least one). */
export const validYears = (issuedOn: string, validUntil: string) => Math.max(1, Number(validUntil.slice(0, 4)) - Number(issuedOn.slice(0, 4)));

/** A row of the public list. */
export const presentPublicNormative = (
  r: { id: string; title: string; doc_no: string | null; issued_on: string | null; valid_until: string | null; repealed_on: string | null },
  today: string,
) => ({
  id: r.id,
  docNo: r.doc_no,
  title: r.title,
  publishedOn: r.issued_on as string,
  validUntil: r.valid_until,
  repealedOn: r.repealed_on,
  status: normativeStatus({ repealedOn: r.repealed_on, validUntil: r.valid_until }, today),
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
