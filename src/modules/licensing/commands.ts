import { checkVersion, updateVersioned } from '../../core/versioned.js';
import { attempt, type SaveResult, stagedSave } from '../../core/persist.js';
import crypto from 'node:crypto';
import type { Actor, Ctx } from '../../core/context.js';
import { diffFields, write, type AuditInput, type WriteScope } from '../../core/audit/audit.js';
import type { CalendarService, TrackInput } from '../../core/calendar/service.js';
import type { WorkCalendar } from '../../core/calendar/calendar.js';
import { computeDeadline } from '../../core/calendar/deadline.js';
import { errors } from '../../core/errors.js';
import { ownerOrgForCreate } from '../../core/scope.js';
import { insertMany, updateMany } from '../../core/db/bulk.js';
import type { RowError, RuleBreach, WriteOrigin } from '../../core/ledger/ledger.js';
import { isValidUscc } from '../../core/ledger/validators.js';
import { recordDecision, recordDecisions, publishDecision } from '../publicity/index.js';
import type { PermitCategory, PermitStatus } from './schema.js';
import { CATEGORIES } from './schema.js';
import { decidedInYear, deletePublicationsOf, getItem, getPermit, itemsInScope, lockItems, lockPermits, maxCaseNo, type PermitRow } from './repository.js';
import { presentItem, presentPermit, type ItemView, type PermitView } from './presenters.js';
import {
  CERTIFICATE_RULE,
  checkItemLimits,
  clockStart,
  committedRule,
  CORRECTION_RULE,
  decisionBreaches,
  decisionDeadlines,
  pausesOf,
  publicationBreaches,
  statusAfterDecision,
} from './rules.js';
import { type PermitAction, type PermitEffect, permitRowFacts, permitWho, requirePermitStep } from './workflow.js';
import { day, type PERMIT_EVENTS, permitEventCommand, text } from './events.js';
import type { Static } from '@fastify/type-provider-typebox';

export const PERMIT_ENTITY = 'licensing.permit';
export const ITEM_ENTITY = 'licensing.item';

// ── Shared by the form and the ledger ──

/**
 * Runs a validation of one input. Live: a failure throws (the form's 400/409/422).
 * Historical: it becomes a row error naming the row and the ledger header of the field.
 */
/** Historical mode: each breach a finding on the record; live mode: nothing (the form records such cases today). */
function report(origin: WriteOrigin, breaches: readonly RuleBreach[], at: { row?: number; entity: string; entityId: string; orgId: string }): void {
  if (origin.mode !== 'historical') return;
  origin.imp.finding(breaches.map((b) => ({ ...b, row: at.row ?? 0, entity: at.entity, entityId: at.entityId, orgId: at.orgId })));
}

// ── Catalogue ──

export interface ItemInput {
  code: string;
  name: string;
  category: PermitCategory;
  statutoryDays: number;
  committedDays: number;
  cloudWindow?: boolean;
  basis?: string | null;
  orgId?: string;
}

/** An item to save: without `id` a new one; with `id` (and, from a form, the `version` read) a change. */
export interface ItemSave extends ItemInput {
  row?: number;
  id?: string;
  version?: number;
}

/** Ledger headers of the item fields (row errors of an import name them). */
export const ITEM_HEADERS: Readonly<Record<string, string>> = {
  code: '事项编码',
  name: '事项名称',
  category: '类别',
  statutoryDays: '法定时限',
  committedDays: '承诺时限',
  cloudWindow: '是否纳入政务云窗',
};

function checkItem(input: ItemInput) {
  text('code', input.code, '事项编码', 50);
  text('name', input.name, '事项名称');
  if (!CATEGORIES.includes(input.category)) throw errors.validation('category', `类别应为：${CATEGORIES.join('、')}`);
  checkItemLimits(input.statutoryDays, input.committedDays);
}

const itemAudit = (i: {
  code: string;
  name: string;
  category: string;
  statutory_days: number;
  committed_days: number;
  cloud_window: boolean;
  basis: string | null;
}) => ({
  code: i.code,
  name: i.name,
  category: i.category,
  statutory_days: i.statutory_days,
  committed_days: i.committed_days,
  cloud_window: i.cloud_window,
  basis: i.basis,
});

/**
 * Saves catalogue items — the one path for the form (one input, live) and the
 * `permit-items` ledger (many, historical). A committed term longer than the
 * statutory one cannot be a true catalogue entry: refused in both modes.
 */
export async function saveItems(w: WriteScope, actor: Actor, inputs: ReadonlyArray<ItemSave>, origin: WriteOrigin): Promise<SaveResult> {
  const batch = stagedSave(w, origin, { table: 'lic_item', entity: ITEM_ENTITY });
  const at = (s: ItemSave) => ({ row: s.row, columns: ITEM_HEADERS, errs: batch.errs });
  const ids = inputs.filter((i) => i.id).map((i) => i.id!);
  const codes = inputs.map((i) => (typeof i.code === 'string' ? i.code.trim() : ''));
  const existing = await lockItems(w.tx, actor.tenantId, { ids, codes });
  const byId = new Map(existing.map((r) => [r.id, r]));
  const byCode = new Map(existing.map((r) => [r.code, r]));
  const inBatch = new Map<string, number>();
  for (const s of inputs) {
    if (
      !attempt(origin, at(s), () => {
        checkItem(s);
        return true;
      })
    ) {
      batch.failed();
      continue;
    }
    const code = s.code.trim();
    const old = s.id ? byId.get(s.id) : undefined;
    const ok = attempt(origin, at(s), () => {
      if (s.id && !old) throw errors.notFound('许可事项');
      if (old) checkVersion(old, s.version);
      const prev = inBatch.get(code);
      if (prev !== undefined) throw errors.duplicate('code', `事项编码“${code}”与第${prev}行重复`);
      const holder = byCode.get(code);
      if (holder && holder.id !== old?.id) throw errors.duplicate('code', `事项编码“${code}”已存在`);
      return true;
    });
    // A later row repeating this code is a duplicate even when this one failed.
    inBatch.set(code, s.row ?? 0);
    if (!ok) {
      batch.failed();
      continue;
    }
    const next = {
      code,
      name: s.name.trim(),
      category: s.category,
      statutory_days: s.statutoryDays,
      committed_days: s.committedDays,
      cloud_window: !!s.cloudWindow,
      basis: s.basis === undefined ? (old?.basis ?? null) : s.basis,
    };
    if (!old) await batch.create(s, next, itemAudit(next));
    else batch.update(s, old, { values: next, before: itemAudit(old), after: itemAudit(next) });
  }
  return batch.flush();
}

/** Adds an item to the catalogue (audit `licensing.item.created`). */
export async function createItem(ctx: Ctx, input: ItemInput): Promise<ItemView> {
  checkItem(input);
  const orgId = await ownerOrgForCreate(ctx, input.orgId);
  return write(ctx, async (w) => {
    const r = await saveItems(w, ctx.actor, [{ ...input, orgId }], { mode: 'live' });
    return presentItem((await getItem({ ...ctx, db: w.tx }, r.ids[0]!))!);
  });
}

/** Changes an item (version-checked; audit `licensing.item.updated`). */
export async function updateItem(ctx: Ctx, id: string, version: number, patch: Partial<ItemInput>): Promise<ItemView> {
  const before = await getItem(ctx, id);
  if (!before) throw errors.notFound('许可事项');
  const old = presentItem(before);
  const next: ItemInput = { ...old, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as ItemInput;
  checkItem(next);
  return write(ctx, async (w) => {
    await saveItems(w, ctx.actor, [{ ...next, id, version }], { mode: 'live' });
    return presentItem((await getItem({ ...ctx, db: w.tx }, id))!);
  });
}

// ── Permit cases ──

export type ApplicantType = '法人' | '其他组织' | '个体工商户' | '自然人';
const APPLICANT_TYPES: readonly ApplicantType[] = ['法人', '其他组织', '个体工商户', '自然人'];

export interface ApplicationInput {
  itemId: string;
  applicant: string;
  applicantType?: ApplicantType;
  applicantUscc?: string | null;
  channel: '网上' | '窗口';
  visits?: number;
  receivedOn: string;
  caseNo?: string | null;
}

/**
 * A permit case as a form registers it or a ledger row shows it: received, possibly
 * accepted, decided and published. With `id` it is a change of that case (fields left
 * `undefined` keep their value); the steps a ledger does not carry (correction notice,
 * pauses, extension, certificate) are kept.
 */
export interface PermitInput {
  row?: number;
  id?: string;
  caseNo?: string | null;
  itemId: string;
  applicant: string;
  applicantType?: ApplicantType;
  applicantUscc?: string | null;
  channel?: '网上' | '窗口' | null;
  visits?: number | null;
  receivedOn: string;
  acceptedOn?: string | null;
  decidedOn?: string | null;
  result?: '准予许可' | '不予许可' | null;
  decisionNo?: string | null;
  publishedOn?: string | null;
}

/** Ledger headers of the permit fields. */
export const PERMIT_HEADERS: Readonly<Record<string, string>> = {
  caseNo: '办件编号',
  itemId: '事项编码',
  applicant: '申请人',
  receivedOn: '受理日期',
  acceptedOn: '受理日期',
  decidedOn: '办结日期',
  result: '办理结果',
  channel: '申请渠道',
  visits: '跑动次数',
  publishedOn: '公示日期',
};

/** The case columns a save governs (audit/provenance values; what an undo restores). */
const GOVERNED = [
  'item_id',
  'applicant',
  'applicant_type',
  'applicant_uscc',
  'channel',
  'visits',
  'status',
  'received_on',
  'accepted_on',
  'clock_start_on',
  'deemed_accepted',
  'due_on',
  'statutory_due_on',
  'decided_on',
  'result',
  'decision_no',
  'published_on',
] as const;

/**
 * The deadlines a case's state implies — what the form's steps track and an import tracks alike.
 * The decision term counts the extension only when it was approved within the committed term (art. 42).
 */
export function permitTracks(
  r: {
    id: string;
    org_id: string;
    received_on: string;
    correction_notice_on: string | null;
    accepted_on: string | null;
    not_accepted_on: string | null;
    clock_start_on: string | null;
    committed_days: number;
    pauses: unknown;
    extension_days: number | null;
    extension_approved_on: string | null;
    extension_reason: string | null;
    decided_on: string | null;
    result: string | null;
    certificate_on: string | null;
    case_no?: string | null;
  },
  cal: WorkCalendar,
): TrackInput[] {
  // The 办件编号 names the record in 我的待办; permits are handled by the unit (no one person is recorded).
  const base = { module: 'licensing', entity: PERMIT_ENTITY, entityId: r.id, orgId: r.org_id, label: r.case_no ?? null };
  const out: TrackInput[] = [
    {
      ...base,
      title: CORRECTION_RULE.label,
      rule: CORRECTION_RULE,
      start: r.received_on,
      doneOn: r.correction_notice_on ?? r.accepted_on ?? r.not_accepted_on ?? null,
    },
  ];
  if (r.clock_start_on) {
    const pauses = pausesOf(r.pauses);
    const rule = committedRule(r.committed_days);
    const bareDue = computeDeadline({ rule, start: r.clock_start_on, pauses }, cal).due;
    const counts = !!r.extension_days && !(r.extension_approved_on && r.extension_approved_on > bareDue);
    out.push({
      ...base,
      title: '许可决定期限',
      rule,
      start: r.clock_start_on,
      pauses,
      extensions: counts ? [{ n: r.extension_days!, approvedOn: r.extension_approved_on ?? undefined, reason: r.extension_reason ?? '经负责人批准延长' }] : [],
      doneOn: r.decided_on,
    });
  }
  if (r.decided_on && r.result === '准予许可')
    out.push({ ...base, title: CERTIFICATE_RULE.label, rule: CERTIFICATE_RULE, start: r.decided_on, doneOn: r.certificate_on });
  return out;
}

function checkPermit(s: PermitInput): void {
  day('receivedOn', s.receivedOn, '收件日期');
  text('applicant', s.applicant, '申请人');
  if (s.applicantType !== undefined && !APPLICANT_TYPES.includes(s.applicantType))
    throw errors.validation('applicantType', '申请人类型应为法人、其他组织、个体工商户或自然人');
  if (s.channel != null && s.channel !== '网上' && s.channel !== '窗口') throw errors.validation('channel', '申请渠道应为“网上”或“窗口”');
  if (s.visits != null && (!Number.isInteger(s.visits) || s.visits < 0 || s.visits > 20)) throw errors.validation('visits', '跑动次数应为0至20的整数');
  if (s.acceptedOn != null && day('acceptedOn', s.acceptedOn, '受理日期') < s.receivedOn) throw errors.validation('acceptedOn', '受理日期不能早于收件日期');
  if (s.decidedOn != null) {
    day('decidedOn', s.decidedOn, '决定日期');
    if (!s.acceptedOn) throw errors.validation('decidedOn', '未受理的办件不能有办结日期');
    if (s.decidedOn < s.acceptedOn) throw errors.validation('decidedOn', '办结日期不能早于受理日期');
    if (s.result !== '准予许可' && s.result !== '不予许可') throw errors.validation('result', '已办结的办件须填写办理结果（准予许可或不予许可）');
  } else if (s.result != null) throw errors.validation('result', '填写办理结果时须填写办结日期');
  if (s.publishedOn != null) {
    day('publishedOn', s.publishedOn, '公示日期');
    if (s.result !== '准予许可') throw errors.validation('publishedOn', '只有准予许可的决定需要公示');
    if (s.publishedOn < s.decidedOn!) throw errors.validation('publishedOn', '公示日期不能早于办结日期');
  }
}

/**
 * Saves permit cases — the one path for 收件登记 (one input, live) and the `permits`
 * ledger (many, historical). From each case's state it derives the decision clock
 * (committed term and statutory bound, 行政许可法第四十二条), tracks the deadlines the
 * form's steps track (补正告知, 许可决定, 颁发证件), records a grant for 双公示 through
 * the publicity module (7 working days), and — historical mode — reports a decision past
 * its term or a late publication as findings (the on-time metric counts them late).
 */
export async function savePermits(
  w: WriteScope,
  actor: Actor,
  inputs: ReadonlyArray<PermitInput>,
  { calendar: cal, origin }: { calendar: CalendarService; origin: WriteOrigin },
): Promise<SaveResult> {
  const errs: RowError[] = [];
  const out: SaveResult = { created: 0, updated: 0, unchanged: 0, errors: errs, ids: [] };
  const itemIds = [...new Set(inputs.map((i) => i.itemId))];
  const items = new Map((await itemsInScope(w.tx, actor, itemIds)).map((r) => [r.id, r]));
  const ids = inputs.filter((i) => i.id).map((i) => i.id!);
  const caseNos = inputs.map((i) => i.caseNo?.trim()).filter((c): c is string => !!c);
  const existing = await lockPermits(w.tx, actor.tenantId, { ids, caseNos });
  const byId = new Map(existing.map((r) => [r.id, r]));
  const byCase = new Map(existing.map((r) => [r.case_no, r]));
  const inBatch = new Map<string, number>();
  const nextNo = new Map<string, number>();
  const creates: Array<Record<string, unknown>> = [];
  const updates: Array<Record<string, unknown>> = [];
  const touched: Array<
    Parameters<typeof permitTracks>[0] & {
      item_name: string;
      item_code: string;
      applicant: string;
      applicant_type: string;
      applicant_uscc: string | null;
      decision_no: string | null;
      published_on: string | null;
      publicationChanged: boolean;
    }
  > = [];
  const events: AuditInput[] = [];
  for (const s of inputs) {
    out.ids.push(undefined);
    const old = s.id ? byId.get(s.id) : undefined;
    const item = items.get(s.itemId);
    const ok = attempt(origin, { row: s.row, columns: PERMIT_HEADERS, errs: errs }, () => {
      if (s.id && !old) throw errors.notFound('办件');
      if (!item) throw errors.validation('itemId', '许可事项不存在');
      checkPermit(s);
      return true;
    });
    if (!ok || !item) continue;
    let caseNo = s.caseNo?.trim() || old?.case_no;
    if (!caseNo) {
      const year = s.receivedOn.slice(0, 4);
      if (!nextNo.has(year)) nextNo.set(year, await lastCaseNo(w, actor.tenantId, year));
      const n = nextNo.get(year)! + 1;
      nextNo.set(year, n);
      caseNo = `XK${year}${String(n).padStart(4, '0')}`;
    }
    const dupOk = attempt(origin, { row: s.row, columns: PERMIT_HEADERS, errs: errs }, () => {
      const prev = inBatch.get(caseNo!);
      if (prev !== undefined) throw errors.duplicate('caseNo', `办件编号“${caseNo}”与第${prev}行重复`);
      const holder = byCase.get(caseNo!);
      if (holder && holder.id !== old?.id) throw errors.duplicate('caseNo', `办件编号“${caseNo}”已存在`);
      return true;
    });
    inBatch.set(caseNo, s.row ?? 0);
    if (!dupOk) continue;

    const pauses = old ? pausesOf(old.pauses) : [];
    const acceptedOn = s.acceptedOn ?? null;
    const clock = acceptedOn ? clockStart({ receivedOn: s.receivedOn, correctionNoticeOn: old?.correction_notice_on ?? null, acceptedOn }, cal.current) : null;
    const d = clock
      ? decisionDeadlines(
          {
            start: clock.start,
            committedDays: item.committed_days,
            statutoryDays: item.statutory_days,
            pauses,
            extensionDays: old?.extension_days ?? null,
            extensionApprovedOn: old?.extension_approved_on ?? null,
          },
          cal.current,
        )
      : null;
    const decidedOn = s.decidedOn ?? null;
    const result = decidedOn ? (s.result ?? null) : null;
    const publishedOn = s.publishedOn ?? null;
    const status: PermitStatus = !acceptedOn
      ? old && (old.status === 'correction' || old.status === 'not_accepted')
        ? old.status
        : 'received'
      : !decidedOn
        ? 'accepted'
        : statusAfterDecision({ certificateOn: old?.certificate_on ?? null, publishedOn });
    const uscc = s.applicantUscc === undefined ? (old?.applicant_uscc ?? null) : s.applicantUscc?.trim() ? s.applicantUscc.trim().toUpperCase() : null;
    const applicantType = s.applicantType ?? (old?.applicant_type as ApplicantType | undefined) ?? '法人';
    const idOk = attempt(origin, { row: s.row, columns: PERMIT_HEADERS, errs: errs }, () => {
      if (uscc && applicantType === '自然人') throw errors.validation('applicantUscc', '自然人申请人不登记证件号（居民身份证号须加密存储，暂不采集）');
      if (uscc && !isValidUscc(uscc)) throw errors.validation('applicantUscc', '统一社会信用代码校验位不符，请逐位核对');
      return true;
    });
    if (!idOk) continue;
    const next = {
      item_id: item.id,
      applicant: s.applicant.trim(),
      applicant_type: applicantType,
      applicant_uscc: uscc,
      channel: s.channel === undefined ? (old?.channel ?? null) : s.channel,
      visits: s.visits === undefined ? (old?.visits ?? null) : s.visits,
      status,
      received_on: s.receivedOn,
      accepted_on: acceptedOn,
      clock_start_on: clock?.start ?? null,
      deemed_accepted: clock?.deemed ?? false,
      due_on: d?.committed.due ?? null,
      statutory_due_on: d?.statutory.due ?? null,
      decided_on: decidedOn,
      result,
      decision_no: decidedOn ? s.decisionNo?.trim() || old?.decision_no || caseNo : null,
      published_on: publishedOn,
    };
    const id = old?.id ?? crypto.randomUUID();
    const orgId = old?.org_id ?? item.org_id;
    out.ids[out.ids.length - 1] = id;
    const before = old ? (Object.fromEntries(GOVERNED.map((k) => [k, old[k]])) as Record<string, unknown>) : null;
    if (before && !diffFields(before, next).length) {
      out.unchanged++;
      continue;
    }
    if (!old) {
      creates.push({ tenant_id: actor.tenantId, id, org_id: orgId, case_no: caseNo, ...next, pauses: [] });
      out.created++;
      if (origin.mode === 'live')
        events.push({
          entity: PERMIT_ENTITY,
          entityId: id,
          action: 'received',
          orgId,
          after: {
            case_no: caseNo,
            item: `${item.code} ${item.name}`,
            applicant: next.applicant,
            applicant_type: next.applicant_type,
            applicant_uscc: next.applicant_uscc,
            channel: next.channel,
            visits: next.visits,
            received_on: next.received_on,
          },
        });
      else origin.imp.trace({ row: s.row ?? 0, entity: PERMIT_ENTITY, entityId: id, action: 'created', orgId, values: { case_no: caseNo, ...next } });
    } else {
      updates.push({ tenant_id: actor.tenantId, id, ...next, version: old.version + 1, updated_at: new Date() });
      out.updated++;
      if (origin.mode === 'live') events.push({ entity: PERMIT_ENTITY, entityId: id, action: 'updated', orgId, before, after: next });
      else
        origin.imp.trace({
          row: s.row ?? 0,
          entity: PERMIT_ENTITY,
          entityId: id,
          action: 'updated',
          orgId,
          values: next,
          before: { ...before, version: old.version, updated_at: old.updated_at },
        });
    }
    if (decidedOn)
      report(
        origin,
        [
          ...decisionBreaches({ decidedOn, dueOn: next.due_on, statutoryDueOn: next.statutory_due_on }),
          ...publicationBreaches({ result, decidedOn, publishedOn }, cal.current),
        ],
        { row: s.row, entity: PERMIT_ENTITY, entityId: id, orgId },
      );
    touched.push({
      id,
      org_id: orgId,
      received_on: next.received_on,
      correction_notice_on: old?.correction_notice_on ?? null,
      accepted_on: next.accepted_on,
      not_accepted_on: old?.not_accepted_on ?? null,
      clock_start_on: next.clock_start_on,
      committed_days: item.committed_days,
      pauses,
      extension_days: old?.extension_days ?? null,
      extension_approved_on: old?.extension_approved_on ?? null,
      extension_reason: old?.extension_reason ?? null,
      decided_on: next.decided_on,
      result: next.result,
      certificate_on: old?.certificate_on ?? null,
      item_name: item.name,
      item_code: item.code,
      applicant: next.applicant,
      applicant_type: next.applicant_type,
      applicant_uscc: next.applicant_uscc,
      decision_no: next.decision_no,
      published_on: next.published_on,
      publicationChanged:
        !before ||
        before.decided_on !== next.decided_on ||
        before.result !== next.result ||
        before.decision_no !== next.decision_no ||
        before.published_on !== next.published_on ||
        before.applicant !== next.applicant ||
        before.item_id !== next.item_id,
    });
  }
  if (errs.length) return { ...out, created: 0, updated: 0, unchanged: 0 };
  await insertMany(w.tx, 'lic_permit', creates);
  await updateMany(w.tx, 'lic_permit', ['tenant_id', 'id'], updates);
  if (events.length) await w.auditMany(events);
  await cal.trackMany(
    w,
    actor,
    touched.flatMap((t) => permitTracks(t, cal.current)),
  );
  // 双公示: a grant is recorded in the register (its 7-working-day term tracked there), with its publication date if any.
  await recordDecisions(
    w,
    cal,
    touched.filter((t) => t.decided_on && t.result === '准予许可' && t.publicationChanged).map((t) => publicationInput({ ...t, certificate_no: null })),
    { audit: origin.mode !== 'historical' },
  );
  return out;
}

/** Removes what an import of cases made besides them: their 双公示 register entries (undo of the import). */
export async function removePublications(w: WriteScope, tenantId: string, permitIds: readonly string[]): Promise<void> {
  await deletePublicationsOf(w.tx, tenantId, permitIds);
}

/** 收件 — registers an application; the 5-working-day correction clock starts (audit `licensing.permit.received`). */
export async function receiveApplication(ctx: Ctx, cal: CalendarService, input: ApplicationInput): Promise<PermitView> {
  day('receivedOn', input.receivedOn, '收件日期');
  text('applicant', input.applicant, '申请人');
  if (input.channel !== '网上' && input.channel !== '窗口') throw errors.validation('channel', '申请渠道应为“网上”或“窗口”');
  const item = await getItem(ctx, input.itemId);
  if (!item) throw errors.validation('itemId', '许可事项不存在');
  return write(ctx, async (w) => {
    const r = await savePermits(
      w,
      ctx.actor,
      [{ ...input, visits: input.visits ?? 0, applicantType: input.applicantType ?? '法人', applicantUscc: input.applicantUscc ?? null }],
      { calendar: cal, origin: { mode: 'live' } },
    );
    return present(w, ctx, r.ids[0]!);
  });
}

async function lastCaseNo(w: WriteScope, tenantId: string, year: string): Promise<number> {
  const prefix = `XK${year}`;
  const m = await maxCaseNo(w.tx, tenantId, prefix);
  return m ? Number(m.slice(prefix.length)) || 0 : 0;
}

async function present(w: WriteScope, ctx: Ctx, id: string): Promise<PermitView> {
  const r = await getPermit(w.tx, ctx, id);
  if (!r) throw errors.notFound('办件');
  return presentPermit(r, ctx.calendar, permitWho(ctx.actor));
}

/** The audit verb of each step (`licensing.permit.<verb>`). */
export const PERMIT_VERBS: Record<PermitAction, string> = {
  correction: 'correction_requested',
  corrected: 'corrected',
  accept: 'accepted',
  not_accept: 'not_accepted',
  pause: 'paused',
  extend: 'extended',
  decide: 'decided',
  certify: 'certified',
  publish: 'publication_dated',
};

/**
 * One step of a case — the part every step shares: loads the case in scope, checks the
 * version and that the workflow (`licensing.permit`) allows the step now (422
 * `ACTION_NOT_ALLOWED` naming why not), applies the step's pure `apply` with the status the
 * transition leads to (and the next decision number when asked), audits
 * `licensing.permit.<verb>` with the changed fields and runs the transition's effects.
 */
export async function applyPermitEvent<A extends PermitAction>(
  ctx: Ctx,
  cal: CalendarService,
  { id, action }: { id: string; action: A },
  input: Static<(typeof PERMIT_EVENTS)[A]['input']>,
): Promise<PermitView> {
  const command = permitEventCommand(action);
  return write(ctx, async (w) => {
    let t: ReturnType<typeof requirePermitStep> | undefined;
    const { before, row } = await updateVersioned(w, {
      table: 'lic_permit',
      tenantId: ctx.actor.tenantId,
      id,
      version: input.version,
      label: '办件',
      load: () => getPermit(w.tx, ctx, id),
      check: (p) => {
        t = requirePermitStep(permitWho(ctx.actor), p.status, action, permitRowFacts(p));
      },
      patch: async (p) => {
        const changes = command.apply({ p, calendar: ctx.calendar }, input);
        const no = changes.decisionNo;
        const decisionNo = no ? { decision_no: no.given ?? (await nextDecisionNo(w, ctx.actor.tenantId, no.year)) } : {};
        // The stage the workflow's transition leads to (none: the status stays).
        return { ...(t?.to ? { status: t.to } : {}), ...changes.set, ...decisionNo } as Record<string, unknown>;
      },
      audit: { entity: PERMIT_ENTITY, action: PERMIT_VERBS[action], orgId: (p) => p.org_id },
      ifUnchanged: 'write',
    });
    const next = { ...before, ...row } as PermitRow;
    for (const effect of t?.after ?? []) await runEffect(w, cal, effect, next);
    return present(w, ctx, id);
  });
}

/** An effect of a step's transition, on the case as written. */
async function runEffect(w: WriteScope, cal: CalendarService, effect: PermitEffect, p: PermitRow): Promise<void> {
  switch (effect) {
    case 'track_deadlines':
      await cal.trackMany(w, w.ctx.actor, permitTracks(p, w.ctx.calendar));
      return;
    case 'record_publication':
      if (p.result === '准予许可') await recordDecision(w, cal, publicationInput(p));
      return;
    case 'publish':
      return publishDecision(w, w.ctx.actor, cal, { sourceEntity: PERMIT_ENTITY, sourceId: p.id, publishedOn: p.published_on! });
    default: {
      const never: never = effect;
      throw new Error(`unhandled effect ${String(never)}`);
    }
  }
}

/** What 双公示 publishes of a granted permit. */
export function publicationInput(row: {
  id: string;
  org_id: string;
  decision_no: string | null;
  decided_on: string | null;
  applicant: string;
  applicant_type: string;
  applicant_uscc: string | null;
  item_name?: string | null;
  item_code?: string | null;
  published_on?: string | null;
  certificate_no?: string | null;
}) {
  return {
    kind: 'permit' as const,
    orgId: row.org_id,
    sourceEntity: PERMIT_ENTITY,
    sourceId: row.id,
    decisionNo: row.decision_no!,
    decidedOn: row.decided_on!,
    partyName: row.applicant,
    partyType: row.applicant_type,
    partyIdNo: row.applicant_uscc,
    title: row.item_name ?? '',
    content: `准予${row.item_name ?? '行政许可'}`,
    publishedOn: row.published_on ?? null,
    fields: { 许可类别: '普通', ...(row.certificate_no ? { 许可证书编号: row.certificate_no } : {}) },
  };
}

async function nextDecisionNo(w: WriteScope, tenantId: string, year: string): Promise<string> {
  return `穗天水许〔${year}〕${(await decidedInYear(w.tx, tenantId, year)) + 1}号`;
}
