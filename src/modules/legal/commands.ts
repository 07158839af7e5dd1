import { attempt, type SaveResult } from '../../core/persist.js';
import { updateVersioned } from '../../core/versioned.js';
import crypto from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Actor, Ctx } from '../../core/context.js';
import { diffFields, write, type AuditInput, type WriteScope } from '../../core/audit/audit.js';
import { errors } from '../../core/errors.js';
import { check } from '../../core/input.js';
import { insertMany, updateMany } from '../../core/db/bulk.js';
import type { RowError, WriteOrigin } from '../../core/ledger/ledger.js';
import { ownerOrgForCreate } from '../../core/scope.js';
import { ADVICE_KINDS, DOCUMENT_KINDS, type AdviceKind, type Criterion, type DocumentKind, type LegalTables } from './schema.js';
import {
  appraise,
  checkTerm,
  checklistProblems,
  CLEANUP_OUTCOMES,
  type CleanupOutcome,
  commentPeriodProblems,
  covers,
  expiryReminderRule,
  formatDocNo,
  MAX_VALID_YEARS,
  NORMATIVE_RULES,
} from './rules.js';
import { CalendarService } from '../../core/calendar/service.js';
import { computeDeadline } from '../../core/calendar/deadline.js';
import { type DocumentEvent, type DocumentStage, documentFacts, requireDocumentStep } from './workflow.js';
import {
  appraisalYearTaken,
  contractNoTaken,
  getAdvice,
  getAppraisal,
  getContract,
  getDocument,
  insertAppraisal,
  insertContract,
  insertCleanup,
  insertDocument,
  lastDocPrefix,
  nextDocSeq,
  lockAdvice,
  tenantContracts,
} from './repository.js';
import { presentAdvice, presentAppraisal, presentContract, presentDocument, validYears } from './presenters.js';

/** A real YYYY-MM-DD date, or a 400 naming the field: the kernel's date check. */
const date = (field: string, v: unknown, label: string) => check.date(field, label, v, { required: true }) as string;
const text = (field: string, v: unknown, label: string, max = 200) => {
  if (typeof v !== 'string' || !v.trim()) throw errors.validation(field, `${label}不能为空`);
  if (v.trim().length > max) throw errors.validation(field, `${label}过长（不超过${max}字）`);
  return v.trim();
};
const opt = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);

// ── 顾问合同 ──
export interface ContractInput {
  firm: string;
  contractNo: string;
  startOn: string;
  endOn: string;
  feeYuan?: number | null;
  lawyers?: string | null;
  procurement?: string | null;
}

function contractValues(i: ContractInput) {
  const startOn = date('startOn', i.startOn, '合同起始日期');
  const endOn = date('endOn', i.endOn, '合同截止日期');
  checkTerm(startOn, endOn);
  if (i.feeYuan != null && !(i.feeYuan >= 0)) throw errors.validation('feeYuan', '合同金额不能为负数');
  return {
    firm: text('firm', i.firm, '顾问单位'),
    contract_no: text('contractNo', i.contractNo, '合同编号', 100),
    start_on: startOn,
    end_on: endOn,
    fee_fen: i.feeYuan == null ? null : Math.round(i.feeYuan * 100),
    lawyers: opt(i.lawyers),
    procurement: opt(i.procurement),
  };
}

export async function createContract(ctx: Ctx, input: ContractInput) {
  const v = contractValues(input);
  const orgId = await ownerOrgForCreate(ctx);
  return write(ctx, async (w) => {
    if (await contractNoTaken(w.tx, ctx.actor.tenantId, v.contract_no)) throw errors.duplicate('contractNo', `合同编号“${v.contract_no}”已存在`);
    const r = await insertContract(w.tx, { tenant_id: ctx.actor.tenantId, org_id: orgId, ...v });
    await w.audit({ entity: 'legal.contract', entityId: r.id, action: 'created', orgId, after: v });
    return presentContract(r);
  });
}

export async function updateContract(ctx: Ctx, id: string, version: number, input: ContractInput) {
  const v = contractValues(input);
  return write(ctx, async (w) => {
    const { row } = await updateVersioned(w, {
      table: 'legal_contract',
      tenantId: ctx.actor.tenantId,
      id,
      version,
      label: '顾问合同',
      load: () => getContract(w.tx, ctx, id),
      patch: v,
      audit: { entity: 'legal.contract', action: 'updated', after: () => v },
      ifUnchanged: 'write',
    });
    // The row as updated (the kernel's helper returns the table's columns).
    return presentContract(row as Selectable<LegalTables['legal_contract']>);
  });
}

// ── 工作记录 ──
export interface AdviceInput {
  date: string;
  kind: AdviceKind;
  title: string;
  firm?: string | null;
  handler?: string | null;
  opinion?: string | null;
}

/** A work record to save: without `id` a new one; with `id` a change of it (fields left `undefined` keep their value). */
export interface AdviceSave extends AdviceInput {
  row?: number;
  id?: string;
  orgId?: string;
}

/** Ledger headers of the advice fields (row errors of an import name them). */
export const ADVICE_HEADERS: Readonly<Record<string, string>> = { date: '日期', kind: '类型', title: '事项名称', firm: '顾问单位', handler: '承办人' };

/**
 * Saves work records of the legal advisor — the one path for the form (one input,
 * live) and the `legal-advice` ledger (many, historical). The firm defaults to the one
 * whose contract covers the date, and the record is linked to that contract. No rule of
 * RULES.md applies to a work record, so an import has no findings here; what cannot be a
 * record (bad date, unknown type, empty title) is refused in both modes.
 */
export async function saveAdvice(w: WriteScope, actor: Actor, inputs: ReadonlyArray<AdviceSave>, origin: WriteOrigin): Promise<SaveResult> {
  const errs: RowError[] = [];
  const out: SaveResult = { created: 0, updated: 0, unchanged: 0, errors: errs, ids: [] };
  const ids = inputs.filter((i) => i.id).map((i) => i.id!);
  const existing = new Map((await lockAdvice(w.tx, actor.tenantId, ids)).map((r) => [r.id, r]));
  const contracts = await tenantContracts(w.tx, actor.tenantId);
  let ownOrg: string | undefined;
  const creates: Array<Record<string, unknown>> = [];
  const updates: Array<Record<string, unknown>> = [];
  const events: AuditInput[] = [];
  for (const s of inputs) {
    out.ids.push(undefined);
    const old = s.id ? existing.get(s.id) : undefined;
    const v = attempt(origin, { row: s.row, columns: ADVICE_HEADERS, errs: errs }, () => {
      if (s.id && !old) throw errors.notFound('工作记录');
      const d = date('date', s.date, '日期');
      if (!ADVICE_KINDS.includes(s.kind)) throw errors.validation('kind', `类型应为：${ADVICE_KINDS.join('、')}`);
      const title = text('title', s.title, '事项名称', 300);
      const contract = contracts.find((c) => covers({ startOn: c.start_on, endOn: c.end_on }, d));
      const firm = s.firm === undefined && old ? old.firm : (opt(s.firm) ?? contract?.firm ?? null);
      return {
        date: d,
        kind: s.kind,
        title,
        firm,
        handler: s.handler === undefined && old ? old.handler : opt(s.handler),
        opinion: s.opinion === undefined && old ? old.opinion : opt(s.opinion),
        contract_id: contract?.id ?? null,
      };
    });
    if (!v) continue;
    if (!old) {
      const id = crypto.randomUUID();
      let orgId = s.orgId;
      if (!orgId) {
        ownOrg ??= await ownerOrgForCreate({ db: w.tx, actor });
        orgId = ownOrg;
      }
      creates.push({ tenant_id: actor.tenantId, id, org_id: orgId, ...v });
      out.ids[out.ids.length - 1] = id;
      out.created++;
      if (origin.mode === 'live') events.push({ entity: ADVICE_ENTITY, entityId: id, action: 'created', orgId, after: v });
      else origin.imp.trace({ row: s.row ?? 0, entity: ADVICE_ENTITY, entityId: id, action: 'created', orgId, values: v });
      continue;
    }
    out.ids[out.ids.length - 1] = old.id;
    const before = Object.fromEntries(Object.keys(v).map((k) => [k, old[k as keyof typeof old]]));
    if (!diffFields(before, v).length) {
      out.unchanged++;
      continue;
    }
    updates.push({ tenant_id: actor.tenantId, id: old.id, ...v, version: old.version + 1, updated_at: new Date() });
    out.updated++;
    if (origin.mode === 'live') events.push({ entity: ADVICE_ENTITY, entityId: old.id, action: 'updated', orgId: old.org_id, before, after: v });
    else
      origin.imp.trace({
        row: s.row ?? 0,
        entity: ADVICE_ENTITY,
        entityId: old.id,
        action: 'updated',
        orgId: old.org_id,
        values: v,
        before: { ...before, version: old.version, updated_at: old.updated_at },
      });
  }
  if (errs.length) return { ...out, created: 0, updated: 0, unchanged: 0 };
  await insertMany(w.tx, 'legal_advice', creates);
  await updateMany(w.tx, 'legal_advice', ['tenant_id', 'id'], updates);
  if (events.length) await w.auditMany(events);
  return out;
}

export const ADVICE_ENTITY = 'legal.advice';

/** A work record; the firm defaults to the one whose contract covers the date (audit `legal.advice.created`). */
export async function createAdvice(ctx: Ctx, input: AdviceInput) {
  date('date', input.date, '日期');
  if (!ADVICE_KINDS.includes(input.kind)) throw errors.validation('kind', `类型应为：${ADVICE_KINDS.join('、')}`);
  text('title', input.title, '事项名称', 300);
  const orgId = await ownerOrgForCreate(ctx);
  return write(ctx, async (w) => {
    const r = await saveAdvice(w, ctx.actor, [{ ...input, orgId }], { mode: 'live' });
    return presentAdvice((await getAdvice(w.tx, ctx, r.ids[0]!))!);
  });
}

// ── 规范性文件、重大决策与合法性审查 ──
/**
 * 送审 (a decision or 三重一大 matter: 待审查) or 起草 (a normative document: 起草中, its date both
 * the drafting and, until it is submitted, the submission date).
 */
export async function submitDocument(ctx: Ctx, input: { kind: DocumentKind; title: string; submittedOn: string; orgId?: string | null }) {
  if (!DOCUMENT_KINDS.includes(input.kind)) throw errors.validation('kind', `类别应为：${DOCUMENT_KINDS.join('、')}`);
  const normative = input.kind === '规范性文件';
  const on = date('submittedOn', input.submittedOn, normative ? '起草日期' : '送审日期');
  const v = {
    kind: input.kind,
    title: text('title', input.title, '名称', 300),
    submitted_on: on,
    status: normative ? ('drafting' as const) : ('submitted' as const),
    ...(normative ? { drafted_on: on } : {}),
  };
  const orgId = await ownerOrgForCreate(ctx, input.orgId);
  return write(ctx, async (w) => {
    const r = await insertDocument(w.tx, { tenant_id: ctx.actor.tenantId, org_id: orgId, ...v });
    await w.audit({ entity: 'legal.document', entityId: r.id, action: normative ? 'drafted' : 'submitted', orgId, after: v });
    return presentDocument((await getDocument(w.tx, ctx, r.id))!, { roles: ctx.actor.roles, today: ctx.clock.today(), calendar: ctx.calendar });
  });
}

type DocRow = NonNullable<Awaited<ReturnType<typeof getDocument>>>;

interface DocStep {
  id: string;
  version: number;
  event: DocumentEvent;
  verb: string;
  /** The date the step records (the guards judge on it). */
  on: string;
  /** Effects after the write (tracked deadlines), given the row as it was and the patch. */
  after?: (w: WriteScope, row: DocRow, patch: Record<string, unknown>) => Promise<void>;
  /** What the audit event notes beside the patch (a cleanup's outcome and reason). */
  note?: Record<string, unknown>;
}

type Patch = Record<string, unknown>;

/**
 * One step of a document: loads it in scope, checks the version and that the workflow
 * (`legal.document`) allows the event for the actor's roles on the step's date, applies the
 * patch with the status the transition leads to (the patch may read the database through the
 * write scope), audits `legal.document.<verb>` with the patch, then runs the step's effects.
 */
async function docStep(ctx: Ctx, step: DocStep, fn: (row: DocRow, w: WriteScope) => Patch | Promise<Patch>) {
  return write(ctx, async (w) => {
    let to: DocumentStage | undefined;
    const { before, row } = await updateVersioned(w, {
      table: 'legal_document',
      tenantId: ctx.actor.tenantId,
      id: step.id,
      version: step.version,
      label: '文件',
      load: () => getDocument(w.tx, ctx, step.id),
      check: (r) => {
        to = requireDocumentStep(ctx.actor.roles, r.status, step.event, documentFacts(r, step.on)).to;
      },
      patch: async (r) => ({ ...(to ? { status: to } : {}), ...(await fn(r, w)) }),
      audit: { entity: 'legal.document', action: step.verb, orgId: (r) => r!.org_id, after: (_r, p) => p, ...(step.note ? { note: step.note } : {}) },
      ifUnchanged: 'write',
    });
    if (step.after) await step.after(w, before, row as Patch);
    return presentDocument((await getDocument(w.tx, ctx, step.id))!, { roles: ctx.actor.roles, today: ctx.clock.today(), calendar: ctx.calendar });
  });
}

/** 合法性审查 — the legal office's written opinion: 同意 or 存在问题; for a normative document every point of its checklist. */
export function reviewDocument(
  ctx: Ctx,
  id: string,
  version: number,
  input: { reviewedOn: string; result: '同意' | '存在问题'; opinion: string; reviewer?: string | null; checklist?: Record<string, boolean> | null },
) {
  const reviewedOn = date('reviewedOn', input.reviewedOn, '审查日期');
  if (input.result !== '同意' && input.result !== '存在问题') throw errors.validation('result', '审查结论应为“同意”或“存在问题”');
  const opinion = text('opinion', input.opinion, '审查意见', 4000);
  return docStep(ctx, { id, version, event: 'review', verb: 'reviewed', on: reviewedOn }, (row) => {
    if (reviewedOn < row.submitted_on) throw errors.validation('reviewedOn', '审查日期不能早于送审日期');
    const normative = row.kind === '规范性文件';
    if (normative) {
      const p = checklistProblems(input.result, input.checklist);
      if (p.length) throw errors.validation(p[0]!.field, p[0]!.message);
    }
    return {
      reviewed_on: reviewedOn,
      review_result: input.result,
      review_opinion: opinion,
      reviewer: opt(input.reviewer) ?? ctx.actor.name,
      review_checklist: normative ? JSON.stringify(input.checklist) : null,
    };
  });
}

/** 印发 / 决策 — a decision or 三重一大 matter, only after a review that found the draft lawful. */
export function issueDocument(ctx: Ctx, id: string, version: number, input: { issuedOn: string; docNo?: string | null }) {
  const issuedOn = date('issuedOn', input.issuedOn, '印发（决策）日期');
  return docStep(ctx, { id, version, event: 'issue', verb: 'issued', on: issuedOn }, (row) => {
    if (row.reviewed_on && issuedOn < row.reviewed_on) throw errors.validation('issuedOn', '印发（决策）日期不能早于审查日期');
    return { issued_on: issuedOn, doc_no: opt(input.docNo) };
  });
}

// ── 行政规范性文件: the lifecycle's steps (国办发〔2018〕37号) ──

/** 公开征求意见 — the draft published for comment from `from` to `until` (at least the configured 30 days). */
export function openComment(ctx: Ctx, id: string, version: number, input: { from: string; until: string; channel: string }) {
  const from = date('from', input.from, '征求意见起始日期');
  const until = date('until', input.until, '征求意见截止日期');
  const channel = text('channel', input.channel, '征求意见方式', 300);
  const p = commentPeriodProblems(from, until);
  if (p.length) throw errors.validation('until', p[0]!);
  return docStep(ctx, { id, version, event: 'openComment', verb: 'comment_opened', on: from }, (row) => {
    if (row.drafted_on && from < row.drafted_on) throw errors.validation('from', '征求意见起始日期不能早于起草日期');
    return { comment_from: from, comment_until: until, comment_channel: channel };
  });
}

/** 送合法性审核 — after the comment period, with how the comments were taken (采纳情况). */
export function submitForReview(ctx: Ctx, id: string, version: number, input: { submittedOn: string; commentSummary: string }) {
  const submittedOn = date('submittedOn', input.submittedOn, '送审日期');
  const summary = text('commentSummary', input.commentSummary, '意见采纳情况', 4000);
  return docStep(ctx, { id, version, event: 'submit', verb: 'submitted', on: submittedOn }, () => ({ submitted_on: submittedOn, comment_summary: summary }));
}

/** 集体审议 — the leadership's meeting decides the document (after a review of 同意). */
export function deliberateDocument(ctx: Ctx, id: string, version: number, input: { deliberatedOn: string; meeting: string }) {
  const on = date('deliberatedOn', input.deliberatedOn, '审议日期');
  const meeting = text('meeting', input.meeting, '审议会议', 300);
  return docStep(ctx, { id, version, event: 'deliberate', verb: 'deliberated', on }, (row) => {
    if (row.reviewed_on && on < row.reviewed_on) throw errors.validation('deliberatedOn', '审议日期不能早于合法性审核日期');
    return { deliberated_on: on, deliberation: meeting };
  });
}

/** The deadlines a published document tracks: 备案 (done when filed) and the reminder before expiry (done at a cleanup or repeal). */
export async function trackNormative(
  w: WriteScope,
  row: Pick<DocRow, 'id' | 'org_id' | 'doc_no'>,
  d: { issuedOn: string; validYears: number; filedOn: string | null; cleanedOn: string | null },
) {
  const cal = CalendarService.over(w.tx, w.ctx.calendar);
  const base = { module: 'legal', entity: 'legal.document', entityId: row.id as string, orgId: row.org_id as string, label: row.doc_no ?? null };
  await cal.track(w, w.ctx.actor, { ...base, title: NORMATIVE_RULES.filing.label, rule: NORMATIVE_RULES.filing, start: d.issuedOn, doneOn: d.filedOn });
  const reminder = expiryReminderRule(d.validYears);
  await cal.track(w, w.ctx.actor, { ...base, title: reminder.label, rule: reminder, start: d.issuedOn, doneOn: d.cleanedOn });
}

/**
 * 统一编号公布 — the document takes the next number of the publication year's series
 * (`<prefix>〔year〕n号`; the prefix the bureau used last unless given), its validity (default 5
 * years) and the 备案 deadline; the filing and the reminder before expiry are tracked.
 */
export function publishDocument(
  ctx: Ctx,
  id: string,
  version: number,
  input: { publishedOn: string; numberPrefix?: string | null; validYears?: number | null },
) {
  const on = date('publishedOn', input.publishedOn, '公布日期');
  const years = input.validYears ?? MAX_VALID_YEARS;
  if (!Number.isInteger(years) || years < 1 || years > MAX_VALID_YEARS) throw errors.validation('validYears', `有效期应为1至${MAX_VALID_YEARS}年`);
  const year = Number(on.slice(0, 4));
  const after = (w: WriteScope, row: DocRow, patch: Patch) =>
    trackNormative(w, { ...row, doc_no: patch.doc_no as string }, { issuedOn: on, validYears: years, filedOn: null, cleanedOn: null });
  return docStep(ctx, { id, version, event: 'publish', verb: 'published', on, after }, async (row, w) => {
    if (row.deliberated_on && on < row.deliberated_on) throw errors.validation('publishedOn', '公布日期不能早于集体审议日期');
    const prefix = opt(input.numberPrefix) ?? (await lastDocPrefix(w.tx, ctx.actor.tenantId));
    if (!prefix) throw errors.validation('numberPrefix', '请填写统一编号的文号前缀（如“天水规”）');
    if (prefix.length > 20 || /[〔〕]/.test(prefix)) throw errors.validation('numberPrefix', '文号前缀不超过20字，且不含“〔〕”');
    const seq = await nextDocSeq(w.tx, ctx.actor.tenantId, year);
    return {
      issued_on: on,
      doc_no: formatDocNo(prefix, year, seq),
      doc_year: year,
      doc_seq: seq,
      filing_due: computeDeadline({ rule: NORMATIVE_RULES.filing, start: on }, ctx.calendar).due,
      valid_until: validUntilOf(on, years, ctx),
    };
  });
}

const validUntilOf = (on: string, years: number, ctx: Ctx) =>
  computeDeadline({ rule: { ...NORMATIVE_RULES.validity, n: years * 12 }, start: on }, ctx.calendar).due;

/** 备案 — filed with the district government (on time or late, as recorded); closes the tracked filing deadline. */
export function fileDocument(ctx: Ctx, id: string, version: number, input: { filedOn: string }) {
  const on = date('filedOn', input.filedOn, '报送备案日期');
  const after = async (w: WriteScope, row: DocRow) => {
    await CalendarService.over(w.tx, ctx.calendar).track(w, ctx.actor, {
      module: 'legal',
      entity: 'legal.document',
      entityId: row.id,
      orgId: row.org_id,
      label: row.doc_no,
      title: NORMATIVE_RULES.filing.label,
      rule: NORMATIVE_RULES.filing,
      start: row.issued_on!,
      doneOn: on,
    });
  };
  return docStep(ctx, { id, version, event: 'file', verb: 'filed', on, after }, (row) => {
    if (row.issued_on && on < row.issued_on) throw errors.validation('filedOn', '报送备案日期不能早于公布日期');
    return { filed_on: on };
  });
}

/** Closes the reminder before expiry: a cleanup or a repeal has evaluated the document. */
async function closeExpiryReminder(w: WriteScope, row: DocRow, on: string) {
  if (!row.issued_on || !row.valid_until) return;
  const rule = expiryReminderRule(validYears(row.issued_on, row.valid_until));
  await CalendarService.over(w.tx, w.ctx.calendar).track(w, w.ctx.actor, {
    module: 'legal',
    entity: 'legal.document',
    entityId: row.id,
    orgId: row.org_id,
    label: row.doc_no,
    title: rule.label,
    rule,
    start: row.issued_on,
    doneOn: on,
  });
}

/**
 * 清理 — the periodic cleanup's decision with its date and reason: 继续有效 and 修改 keep the document
 * in force (修改 is then drafted as a new document); 废止 repeals it. Recorded in `legal_document_cleanup`
 * and noted on the audit event; closes the reminder before expiry.
 */
export function cleanDocument(ctx: Ctx, id: string, version: number, input: { cleanedOn: string; outcome: CleanupOutcome; reason: string }) {
  const on = date('cleanedOn', input.cleanedOn, '清理日期');
  if (!CLEANUP_OUTCOMES.includes(input.outcome)) throw errors.validation('outcome', `清理结论应为：${CLEANUP_OUTCOMES.join('、')}`);
  const reason = text('reason', input.reason, '清理理由', 2000);
  const repeal = input.outcome === '废止';
  const after = (w: WriteScope, row: DocRow) => closeExpiryReminder(w, row, on);
  const note = { cleanedOn: on, outcome: input.outcome, reason };
  return docStep(ctx, { id, version, event: repeal ? 'repeal' : 'clean', verb: repeal ? 'repealed' : 'cleaned', on, after, note }, async (row, w) => {
    if (row.issued_on && on < row.issued_on) throw errors.validation('cleanedOn', '清理日期不能早于公布日期');
    await insertCleanup(w.tx, { tenant_id: ctx.actor.tenantId, org_id: row.org_id, document_id: row.id, cleaned_on: on, outcome: input.outcome, reason });
    return repeal ? { repealed_on: on, repeal_reason: `清理：${reason}` } : {};
  });
}

/** 废止 — repealed outside a cleanup, with its date and reason; closes the reminder before expiry. */
export function repealDocument(ctx: Ctx, id: string, version: number, input: { repealedOn: string; reason: string }) {
  const on = date('repealedOn', input.repealedOn, '废止日期');
  const reason = text('reason', input.reason, '废止理由', 2000);
  const after = (w: WriteScope, row: DocRow) => closeExpiryReminder(w, row, on);
  return docStep(ctx, { id, version, event: 'repeal', verb: 'repealed', on, after }, (row) => {
    if (row.issued_on && on < row.issued_on) throw errors.validation('repealedOn', '废止日期不能早于公布日期');
    return { repealed_on: on, repeal_reason: reason };
  });
}

// ── 年度考核 ──
export async function createAppraisal(
  ctx: Ctx,
  input: { year: number; appraisedOn: string; selfCheck: string; criteria: Criterion[]; suggestions?: string | null },
) {
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100) throw errors.validation('year', '考核年度无效');
  const appraisedOn = date('appraisedOn', input.appraisedOn, '考核日期');
  if (appraisedOn < `${input.year}-01-01`) throw errors.validation('appraisedOn', '考核日期不能早于考核年度');
  const selfCheck = text('selfCheck', input.selfCheck, '自查情况', 8000);
  const { total, grade } = appraise(input.criteria);
  const orgId = await ownerOrgForCreate(ctx);
  return write(ctx, async (w) => {
    if (await appraisalYearTaken(w.tx, ctx.actor.tenantId, input.year)) throw errors.duplicate('year', `${input.year}年度的考核已登记`);
    const contracts = await tenantContracts(w.tx, ctx.actor.tenantId);
    const contract = contracts.find((c) => c.start_on <= `${input.year}-12-31` && c.end_on >= `${input.year}-01-01`);
    const v = {
      year: input.year,
      contract_id: contract?.id ?? null,
      appraised_on: appraisedOn,
      self_check: selfCheck,
      criteria: JSON.stringify(input.criteria),
      total,
      grade,
      suggestions: opt(input.suggestions),
    };
    const r = await insertAppraisal(w.tx, { tenant_id: ctx.actor.tenantId, org_id: orgId, ...v });
    await w.audit({ entity: 'legal.appraisal', entityId: r.id, action: 'created', orgId, after: { ...v, criteria: input.criteria } });
    return presentAppraisal(r);
  });
}

export { getAdvice, getAppraisal };
