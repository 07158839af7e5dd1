import { attempt, type SaveResult, stagedSave } from '../../core/persist.js';
import { updateVersioned } from '../../core/versioned.js';
import type { Selectable } from 'kysely';
import type { Actor, Ctx } from '../../core/context.js';
import { write, type WriteScope } from '../../core/audit/audit.js';
import { errors } from '../../core/errors.js';
import { check } from '../../core/input.js';
import type { WriteOrigin } from '../../core/ledger/ledger.js';
import { ownerOrgForCreate } from '../../core/scope.js';
import { ADVICE_KINDS, DOCUMENT_KINDS, type AdviceKind, type Criterion, type DocumentKind, type LegalTables } from './schema.js';
import { appraise, checkTerm, covers, expiryReminderRule, formatDocNo, NORMATIVE_RULES } from './rules.js';
import { CalendarService } from '../../core/calendar/service.js';
import type { DeadlineRule } from '../../core/calendar/deadline.js';
import { type DocumentEffect, documentFacts, requireDocumentStep } from './workflow.js';
import { type DocRow, type DocumentEventInput, type DocumentStep, documentEventCommand, opt, text } from './events.js';
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
  lockDocNumbers,
  tenantContracts,
} from './repository.js';
import { presentAdvice, presentAppraisal, presentContract, presentDocument, validYears } from './presenters.js';

/** A real YYYY-MM-DD date, or a 400 naming the field: the kernel's date check. */
const date = (field: string, v: unknown, label: string) => check.date(field, label, v, { required: true }) as string;
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
  const batch = stagedSave(w, origin, { table: 'legal_advice', entity: ADVICE_ENTITY });
  const ids = inputs.filter((i) => i.id).map((i) => i.id!);
  const existing = new Map((await lockAdvice(w.tx, actor.tenantId, ids)).map((r) => [r.id, r]));
  const contracts = await tenantContracts(w.tx, actor.tenantId);
  for (const s of inputs) {
    const old = s.id ? existing.get(s.id) : undefined;
    const v = attempt(origin, { row: s.row, columns: ADVICE_HEADERS, errs: batch.errs }, () => {
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
    if (!v) batch.failed();
    else if (!old) await batch.create(s, v);
    else batch.update(s, old, { values: v, before: Object.fromEntries(Object.keys(v).map((k) => [k, old[k as keyof typeof old]])) });
  }
  return batch.flush();
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

/**
 * One step of a document — the part every step shares: checks the step's date, loads the document
 * in scope and locks it, checks the version (409 when stale) and that the workflow
 * (`legal.document`) allows the step's event for the actor's roles on that date (422 naming why
 * not), applies the step's pure `apply` ({@link DOCUMENT_EVENT_COMMANDS}) with the stage the
 * transition leads to — 统一编号公布 takes the next number of its year under the year's lock, so
 * two publications at once get two numbers; 清理 records its cleanup — audits
 * `legal.document.<verb>` with the changed fields (and the step's note), then runs the
 * transition's effects (tracked deadlines).
 */
export async function applyDocumentEvent<S extends DocumentStep>(ctx: Ctx, target: { id: string; step: S }, input: DocumentEventInput<S>) {
  const command = documentEventCommand(target.step);
  const i = input as DocumentEventInput<DocumentStep>;
  const on = date(command.date.field, (i as Record<string, unknown>)[command.date.field], command.date.label);
  const event = command.event(i);
  return write(ctx, async (w) => {
    let t: ReturnType<typeof requireDocumentStep> | undefined;
    let note: Record<string, unknown> | undefined;
    const { before, row } = await updateVersioned(w, {
      table: 'legal_document',
      tenantId: ctx.actor.tenantId,
      id: target.id,
      version: i.version,
      label: '文件',
      load: () => getDocument(w.tx, ctx, target.id),
      check: (r) => {
        t = requireDocumentStep(ctx.actor.roles, r.status, event, documentFacts(r, on));
      },
      patch: async (r) => {
        const changes = command.apply({ row: r, on, actorName: ctx.actor.name, calendar: ctx.calendar }, i);
        note = changes.note;
        const set: Patch = { ...(t?.to ? { status: t.to } : {}), ...changes.set };
        if (changes.number) Object.assign(set, await allocateNumber(w, changes.number));
        if (changes.cleanup) await insertCleanup(w.tx, { tenant_id: ctx.actor.tenantId, org_id: r.org_id, document_id: r.id, ...changes.cleanup });
        return set;
      },
      audit: {
        entity: 'legal.document',
        action: command.verb(i),
        orgId: (r) => r!.org_id,
        after: (_r, p) => p,
        note: () => note,
      },
      ifUnchanged: 'write',
    });
    const next = { ...before, ...(row as Partial<DocRow>) } as DocRow;
    for (const effect of t?.after ?? []) await runEffect(w, effect, { row: next, on });
    return presentDocument((await getDocument(w.tx, ctx, target.id))!, { roles: ctx.actor.roles, today: ctx.clock.today(), calendar: ctx.calendar });
  });
}

type Patch = Record<string, unknown>;

/**
 * 统一编号: the next number of the year's series, with the prefix given or the one the bureau used
 * last. The year's numbers are taken under a transaction lock (the second of two publications at
 * once waits for the first to commit, then reads its number), so two never get the same number.
 */
async function allocateNumber(w: WriteScope, n: { prefix: string | null; year: number }): Promise<Patch> {
  const tenantId = w.ctx.actor.tenantId;
  const prefix = n.prefix ?? (await lastDocPrefix(w.tx, tenantId));
  if (!prefix) throw errors.validation('numberPrefix', '请填写统一编号的文号前缀（如“天水规”）');
  await lockDocNumbers(w.tx, tenantId, n.year);
  const seq = await nextDocSeq(w.tx, tenantId, n.year);
  return { doc_no: formatDocNo(prefix, n.year, seq), doc_year: n.year, doc_seq: seq };
}

/** An effect of a step's transition, on the document as written and the step's date. */
async function runEffect(w: WriteScope, effect: DocumentEffect, { row, on }: { row: DocRow; on: string }): Promise<void> {
  switch (effect) {
    case 'track_normative':
      return trackNormative(w, row, { issuedOn: row.issued_on!, validYears: validYears(row.issued_on!, row.valid_until!), filedOn: null, cleanedOn: null });
    case 'track_filing':
      return trackDocument(w, row, NORMATIVE_RULES.filing, { start: row.issued_on!, doneOn: on });
    case 'close_reminder':
      return closeExpiryReminder(w, row, on);
    default: {
      const never: never = effect;
      throw new Error(`unhandled effect ${String(never)}`);
    }
  }
}

/** The deadlines a published document tracks: 备案 (done when filed) and the reminder before expiry (done at a cleanup or repeal). */
export async function trackNormative(
  w: WriteScope,
  row: Pick<DocRow, 'id' | 'org_id' | 'doc_no'>,
  d: { issuedOn: string; validYears: number; filedOn: string | null; cleanedOn: string | null },
) {
  await trackDocument(w, row, NORMATIVE_RULES.filing, { start: d.issuedOn, doneOn: d.filedOn });
  await trackDocument(w, row, expiryReminderRule(d.validYears), { start: d.issuedOn, doneOn: d.cleanedOn });
}

/** Tracks one deadline of a document (its rule's label the title, the 文号 the label). */
async function trackDocument(
  w: WriteScope,
  row: Pick<DocRow, 'id' | 'org_id' | 'doc_no'>,
  rule: DeadlineRule,
  at: { start: string; doneOn: string | null },
): Promise<void> {
  await CalendarService.over(w.tx, w.ctx.calendar).track(w, w.ctx.actor, {
    module: 'legal',
    entity: 'legal.document',
    entityId: row.id,
    orgId: row.org_id,
    label: row.doc_no ?? null,
    title: rule.label,
    rule,
    ...at,
  });
}

/** Closes the reminder before expiry: a cleanup or a repeal has evaluated the document. */
async function closeExpiryReminder(w: WriteScope, row: DocRow, on: string) {
  if (!row.issued_on || !row.valid_until) return;
  await trackDocument(w, row, expiryReminderRule(validYears(row.issued_on, row.valid_until)), { start: row.issued_on, doneOn: on });
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
