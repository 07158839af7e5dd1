import { attempt, type SaveResult } from '../../core/persist.js';
import { updateVersioned } from '../../core/versioned.js';
import crypto from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Actor, Ctx } from '../../core/context.js';
import { diffFields, write, type AuditInput, type WriteScope } from '../../core/audit/audit.js';
import { isIsoDate } from '../../core/calendar/calendar.js';
import { errors } from '../../core/errors.js';
import { insertMany, updateMany } from '../../core/db/bulk.js';
import type { RowError, WriteOrigin } from '../../core/ledger/ledger.js';
import { ownerOrgForCreate } from '../../core/scope.js';
import { ADVICE_KINDS, DOCUMENT_KINDS, type AdviceKind, type Criterion, type DocumentKind, type LegalTables } from './schema.js';
import { appraise, checkTerm, covers } from './rules.js';
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
  insertDocument,
  lockAdvice,
  tenantContracts,
} from './repository.js';
import { presentAdvice, presentAppraisal, presentContract, presentDocument } from './presenters.js';

const date = (field: string, v: unknown, label: string) => {
  if (typeof v !== 'string' || !isIsoDate(v)) throw errors.validation(field, `${label}无效，应为YYYY-MM-DD格式的日期`);
  return v;
};
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
export async function submitDocument(ctx: Ctx, input: { kind: DocumentKind; title: string; submittedOn: string; orgId?: string | null }) {
  if (!DOCUMENT_KINDS.includes(input.kind)) throw errors.validation('kind', `类别应为：${DOCUMENT_KINDS.join('、')}`);
  const v = {
    kind: input.kind,
    title: text('title', input.title, '名称', 300),
    submitted_on: date('submittedOn', input.submittedOn, '送审日期'),
    status: 'submitted' as const,
  };
  const orgId = await ownerOrgForCreate(ctx, input.orgId);
  return write(ctx, async (w) => {
    const r = await insertDocument(w.tx, { tenant_id: ctx.actor.tenantId, org_id: orgId, ...v });
    await w.audit({ entity: 'legal.document', entityId: r.id, action: 'submitted', orgId, after: v });
    return presentDocument((await getDocument(w.tx, ctx, r.id))!, ctx.actor.roles);
  });
}

/**
 * One step of a document: loads it in scope, checks the version and that the workflow
 * (`legal.document`) allows the event for the actor's roles now, applies the patch with the
 * status the transition leads to, audits `legal.document.<verb>` with the patch.
 */
async function docStep(
  ctx: Ctx,
  { id, version, event, verb }: { id: string; version: number; event: DocumentEvent; verb: string },
  fn: (row: NonNullable<Awaited<ReturnType<typeof getDocument>>>) => Record<string, unknown>,
) {
  return write(ctx, async (w) => {
    let to: DocumentStage | undefined;
    await updateVersioned(w, {
      table: 'legal_document',
      tenantId: ctx.actor.tenantId,
      id,
      version,
      label: '文件',
      load: () => getDocument(w.tx, ctx, id),
      check: (row) => {
        to = requireDocumentStep(ctx.actor.roles, row.status, event, documentFacts(row)).to;
      },
      patch: (row) => ({ ...(to ? { status: to } : {}), ...fn(row) }),
      audit: { entity: 'legal.document', action: verb, orgId: (row) => row!.org_id, after: (_r, patch) => patch },
      ifUnchanged: 'write',
    });
    return presentDocument((await getDocument(w.tx, ctx, id))!, ctx.actor.roles);
  });
}

/** 合法性审查 — the legal office's written opinion: 同意 or 存在问题. */
export function reviewDocument(
  ctx: Ctx,
  id: string,
  version: number,
  input: { reviewedOn: string; result: '同意' | '存在问题'; opinion: string; reviewer?: string | null },
) {
  const reviewedOn = date('reviewedOn', input.reviewedOn, '审查日期');
  if (input.result !== '同意' && input.result !== '存在问题') throw errors.validation('result', '审查结论应为“同意”或“存在问题”');
  const opinion = text('opinion', input.opinion, '审查意见', 4000);
  return docStep(ctx, { id, version, event: 'review', verb: 'reviewed' }, (row) => {
    if (reviewedOn < row.submitted_on) throw errors.validation('reviewedOn', '审查日期不能早于送审日期');
    return {
      reviewed_on: reviewedOn,
      review_result: input.result,
      review_opinion: opinion,
      reviewer: opt(input.reviewer) ?? ctx.actor.name,
    };
  });
}

/** 印发 / 决策 — only after a review that found the draft lawful. */
export function issueDocument(ctx: Ctx, id: string, version: number, input: { issuedOn: string; docNo?: string | null }) {
  const issuedOn = date('issuedOn', input.issuedOn, '印发（决策）日期');
  return docStep(ctx, { id, version, event: 'issue', verb: 'issued' }, (row) => {
    if (row.reviewed_on && issuedOn < row.reviewed_on) throw errors.validation('issuedOn', '印发（决策）日期不能早于审查日期');
    return { issued_on: issuedOn, doc_no: opt(input.docNo) };
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
