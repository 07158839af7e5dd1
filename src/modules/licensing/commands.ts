import type { Ctx } from '../../core/context.js';
import { write, type WriteScope } from '../../core/audit/audit.js';
import type { CalendarService } from '../../core/calendar/service.js';
import { isIsoDate } from '../../core/calendar/calendar.js';
import { errors } from '../../core/errors.js';
import { assertInScope } from '../../core/scope.js';
import { isValidUscc } from '../../core/ledger/validators.js';
import { recordDecision, publishDecision } from '../publicity/index.js';
import type { LicensingTables, PausePeriod, PermitCategory, PermitStatus } from './schema.js';
import { CATEGORIES } from './schema.js';
import { getItem, getPermit } from './repository.js';
import { presentItem, presentPermit, type ItemView, type PermitView } from './presenters.js';
import {
  ACTION_LABELS,
  allowedActions,
  CERTIFICATE_RULE,
  checkCorrectionNotice,
  checkExtension,
  checkItemLimits,
  checkPause,
  clockStart,
  committedRule,
  CORRECTION_RULE,
  decisionDeadlines,
  STATUS_LABELS,
  statusAfterDecision,
  type PermitAction,
} from './rules.js';

export const PERMIT_ENTITY = 'licensing.permit';
export const ITEM_ENTITY = 'licensing.item';

const tables = (w: WriteScope) => w.tx.withTables<LicensingTables>();

function date(field: string, v: unknown, label: string): string {
  if (typeof v !== 'string' || !isIsoDate(v)) throw errors.validation(field, `${label}无效，应为YYYY-MM-DD格式的日期`);
  return v;
}
function text(field: string, v: unknown, label: string, max = 200): string {
  if (typeof v !== 'string' || !v.trim()) throw errors.validation(field, `${label}不能为空`);
  if (v.trim().length > max) throw errors.validation(field, `${label}过长（不超过${max}字）`);
  return v.trim();
}

/** The org new records belong to when none is given: the actor's own unit, else the bureau. */
export async function defaultOrg(ctx: Ctx): Promise<string> {
  if (ctx.actor.orgId) return ctx.actor.orgId;
  const b = await ctx.db.selectFrom('org').select('id').where('tenant_id', '=', ctx.actor.tenantId).where('kind', '=', 'bureau').executeTakeFirstOrThrow();
  return b.id;
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

function checkItem(input: ItemInput) {
  text('code', input.code, '事项编码', 50);
  text('name', input.name, '事项名称');
  if (!CATEGORIES.includes(input.category)) throw errors.validation('category', `类别应为：${CATEGORIES.join('、')}`);
  checkItemLimits(input.statutoryDays, input.committedDays);
}

const itemAudit = (i: ItemView) => ({ code: i.code, name: i.name, category: i.category, statutory_days: i.statutoryDays, committed_days: i.committedDays, cloud_window: i.cloudWindow, basis: i.basis });

/** Adds an item to the catalogue (audit `licensing.item.created`). */
export async function createItem(ctx: Ctx, input: ItemInput): Promise<ItemView> {
  checkItem(input);
  const orgId = input.orgId ?? (await defaultOrg(ctx));
  assertInScope(ctx.actor, orgId, '单位');
  return write(ctx, async (w) => {
    const dup = await tables(w).selectFrom('lic_item').select('id').where('tenant_id', '=', ctx.actor.tenantId).where('code', '=', input.code.trim()).executeTakeFirst();
    if (dup) throw errors.duplicate('code', `事项编码“${input.code}”已存在`);
    const row = await tables(w)
      .insertInto('lic_item')
      .values({ tenant_id: ctx.actor.tenantId, org_id: orgId, code: input.code.trim(), name: input.name.trim(), category: input.category, statutory_days: input.statutoryDays, committed_days: input.committedDays, cloud_window: !!input.cloudWindow, basis: input.basis ?? null })
      .returningAll()
      .executeTakeFirstOrThrow();
    const item = presentItem(row);
    await w.audit({ entity: ITEM_ENTITY, entityId: item.id, action: 'created', orgId, after: itemAudit(item) });
    return item;
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
    if (next.code !== old.code) {
      const dup = await tables(w).selectFrom('lic_item').select('id').where('tenant_id', '=', ctx.actor.tenantId).where('code', '=', next.code.trim()).executeTakeFirst();
      if (dup) throw errors.duplicate('code', `事项编码“${next.code}”已存在`);
    }
    const row = await tables(w)
      .updateTable('lic_item')
      .set({ code: next.code.trim(), name: next.name.trim(), category: next.category, statutory_days: next.statutoryDays, committed_days: next.committedDays, cloud_window: !!next.cloudWindow, basis: next.basis ?? null, version: version + 1, updated_at: new Date() })
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw errors.conflict();
    const item = presentItem(row);
    await w.audit({ entity: ITEM_ENTITY, entityId: id, action: 'updated', orgId: item.orgId, before: itemAudit(old), after: itemAudit(item) });
    return item;
  });
}

// ── Permit cases ──

export interface ApplicationInput {
  itemId: string;
  applicant: string;
  applicantType?: '法人' | '其他组织' | '个体工商户' | '自然人';
  applicantUscc?: string | null;
  channel: '网上' | '窗口';
  visits?: number;
  receivedOn: string;
  caseNo?: string | null;
}

/** 收件 — registers an application; the 5-working-day correction clock starts (audit `licensing.permit.received`). */
export async function receiveApplication(ctx: Ctx, cal: CalendarService, input: ApplicationInput): Promise<PermitView> {
  const receivedOn = date('receivedOn', input.receivedOn, '收件日期');
  const applicant = text('applicant', input.applicant, '申请人');
  const applicantType = input.applicantType ?? '法人';
  if (!['法人', '其他组织', '个体工商户', '自然人'].includes(applicantType)) throw errors.validation('applicantType', '申请人类型应为法人、其他组织、个体工商户或自然人');
  const uscc = input.applicantUscc?.trim() ? input.applicantUscc.trim().toUpperCase() : null;
  if (uscc && applicantType === '自然人') throw errors.validation('applicantUscc', '自然人申请人不登记证件号（居民身份证号须加密存储，暂不采集）');
  if (uscc && !isValidUscc(uscc)) throw errors.validation('applicantUscc', '统一社会信用代码校验位不符，请逐位核对');
  if (input.channel !== '网上' && input.channel !== '窗口') throw errors.validation('channel', '申请渠道应为“网上”或“窗口”');
  const visits = input.visits ?? 0;
  if (!Number.isInteger(visits) || visits < 0 || visits > 20) throw errors.validation('visits', '跑动次数应为0至20的整数');
  const item = await getItem(ctx, input.itemId);
  if (!item) throw errors.validation('itemId', '许可事项不存在');
  return write(ctx, async (w) => {
    const caseNo = input.caseNo?.trim() || (await nextCaseNo(w, ctx.actor.tenantId, receivedOn.slice(0, 4)));
    const dup = await tables(w).selectFrom('lic_permit').select('id').where('tenant_id', '=', ctx.actor.tenantId).where('case_no', '=', caseNo).executeTakeFirst();
    if (dup) throw errors.duplicate('caseNo', `办件编号“${caseNo}”已存在`);
    const row = await tables(w)
      .insertInto('lic_permit')
      .values({ tenant_id: ctx.actor.tenantId, org_id: item.org_id, case_no: caseNo, item_id: item.id, applicant, applicant_type: applicantType, applicant_uscc: uscc, channel: input.channel, visits, status: 'received', received_on: receivedOn })
      .returning(['id'])
      .executeTakeFirstOrThrow();
    await w.audit({ entity: PERMIT_ENTITY, entityId: row.id, action: 'received', orgId: item.org_id, after: { case_no: caseNo, item: `${item.code} ${item.name}`, applicant, applicant_type: applicantType, applicant_uscc: uscc, channel: input.channel, visits, received_on: receivedOn } });
    await cal.track(w, ctx.actor, { module: 'licensing', entity: PERMIT_ENTITY, entityId: row.id, orgId: item.org_id, title: CORRECTION_RULE.label, rule: CORRECTION_RULE, start: receivedOn });
    return present(w, ctx, cal, row.id);
  });
}

async function nextCaseNo(w: WriteScope, tenantId: string, year: string): Promise<string> {
  const prefix = `XK${year}`;
  const r = await tables(w).selectFrom('lic_permit').select((eb) => eb.fn.max('case_no').as('m')).where('tenant_id', '=', tenantId).where('case_no', 'like', `${prefix}%`).executeTakeFirst();
  const last = r?.m ? Number(String(r.m).slice(prefix.length)) || 0 : 0;
  return `${prefix}${String(last + 1).padStart(4, '0')}`;
}

async function present(w: WriteScope, ctx: Ctx, cal: CalendarService, id: string): Promise<PermitView> {
  const r = await getPermit(w.tx, ctx, id);
  if (!r) throw errors.notFound('办件');
  return presentPermit(r, cal.current);
}

type PermitRow = NonNullable<Awaited<ReturnType<typeof getPermit>>>;

/**
 * One step of a case: loads it in scope, checks the version and that the action is
 * allowed now, applies the patch, audits `licensing.permit.<verb>` with the changed fields.
 */
async function step(
  ctx: Ctx,
  cal: CalendarService,
  id: string,
  version: number,
  action: PermitAction,
  verb: string,
  fn: (row: PermitRow, w: WriteScope) => Promise<Record<string, unknown>>,
  after?: (row: PermitRow, w: WriteScope) => Promise<void>,
): Promise<PermitView> {
  return write(ctx, async (w) => {
    const row = await getPermit(w.tx, ctx, id);
    if (!row) throw errors.notFound('办件');
    if (row.version !== version) throw errors.conflict();
    const view = presentPermit(row, cal.current);
    if (!allowedActions(view).includes(action)) throw errors.gate('ACTION_NOT_ALLOWED', `办件当前状态为“${STATUS_LABELS[row.status]}”，不能“${ACTION_LABELS[action]}”`);
    const patch = await fn(row, w);
    const updated = await tables(w)
      .updateTable('lic_permit')
      .set({ ...(patch as any), version: version + 1, updated_at: new Date() })
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw errors.conflict();
    const before = Object.fromEntries(Object.keys(patch).map((k) => [k, (row as any)[k]]));
    const afterFields = Object.fromEntries(Object.keys(patch).map((k) => [k, (updated as any)[k]]));
    await w.audit({ entity: PERMIT_ENTITY, entityId: id, action: verb, orgId: row.org_id, before, after: afterFields });
    if (after) await after({ ...row, ...updated } as PermitRow, w);
    return present(w, ctx, cal, id);
  });
}

/** 补正告知 — one notice listing everything to correct, within 5 working days (art. 32). */
export function requestCorrection(ctx: Ctx, cal: CalendarService, id: string, version: number, input: { noticeOn: string; items: string }) {
  const noticeOn = date('noticeOn', input.noticeOn, '补正告知日期');
  const items = text('items', input.items, '需补正的全部内容', 2000);
  return step(ctx, cal, id, version, 'correction', 'correction_requested', async (row) => {
    checkCorrectionNotice(row.received_on, noticeOn, cal.current);
    return { status: 'correction' as PermitStatus, correction_notice_on: noticeOn, correction_items: items };
  }, async (row, w) => {
    await cal.track(w, ctx.actor, { module: 'licensing', entity: PERMIT_ENTITY, entityId: id, orgId: row.org_id, title: CORRECTION_RULE.label, rule: CORRECTION_RULE, start: row.received_on, doneOn: noticeOn });
  });
}

/** 补正材料收讫 — the applicant handed in the corrections. */
export function markCorrected(ctx: Ctx, cal: CalendarService, id: string, version: number, input: { correctedOn: string }) {
  const correctedOn = date('correctedOn', input.correctedOn, '补正材料收到日期');
  return step(ctx, cal, id, version, 'corrected', 'corrected', async (row) => {
    if (correctedOn < row.correction_notice_on!) throw errors.validation('correctedOn', '补正材料收到日期不能早于补正告知日期');
    return { status: 'received' as PermitStatus, corrected_on: correctedOn };
  });
}

/** 受理 — starts the decision clock (deemed on receipt when no timely correction notice was given). */
export function acceptApplication(ctx: Ctx, cal: CalendarService, id: string, version: number, input: { acceptedOn: string }) {
  const acceptedOn = date('acceptedOn', input.acceptedOn, '受理日期');
  return step(ctx, cal, id, version, 'accept', 'accepted', async (row) => {
    if (row.corrected_on && acceptedOn < row.corrected_on) throw errors.validation('acceptedOn', '受理日期不能早于补正材料收到日期');
    const { start, deemed } = clockStart({ receivedOn: row.received_on, correctionNoticeOn: row.correction_notice_on, acceptedOn }, cal.current);
    const d = decisionDeadlines({ start, committedDays: row.committed_days, statutoryDays: row.statutory_days }, cal.current);
    return { status: 'accepted' as PermitStatus, accepted_on: acceptedOn, clock_start_on: start, deemed_accepted: deemed, due_on: d.committed.due, statutory_due_on: d.statutory.due };
  }, async (row, w) => {
    if (!row.correction_notice_on) await cal.track(w, ctx.actor, { module: 'licensing', entity: PERMIT_ENTITY, entityId: id, orgId: row.org_id, title: CORRECTION_RULE.label, rule: CORRECTION_RULE, start: row.received_on, doneOn: acceptedOn });
    await trackDecision(w, ctx, cal, row);
  });
}

async function trackDecision(w: WriteScope, ctx: Ctx, cal: CalendarService, row: PermitRow) {
  const pauses = (typeof row.pauses === 'string' ? JSON.parse(row.pauses) : row.pauses) as PausePeriod[];
  await cal.track(w, ctx.actor, {
    module: 'licensing',
    entity: PERMIT_ENTITY,
    entityId: row.id,
    orgId: row.org_id,
    title: '许可决定期限',
    rule: committedRule(row.committed_days),
    start: row.clock_start_on!,
    pauses,
    extensions: row.extension_days ? [{ n: row.extension_days, approvedOn: row.extension_approved_on ?? undefined, reason: row.extension_reason ?? '经负责人批准延长' }] : [],
    doneOn: row.decided_on,
  });
}

/** 不予受理 — with the reasons told to the applicant (art. 32). */
export function refuseApplication(ctx: Ctx, cal: CalendarService, id: string, version: number, input: { on: string; reason: string }) {
  const on = date('on', input.on, '不予受理日期');
  const reason = text('reason', input.reason, '不予受理理由', 1000);
  return step(ctx, cal, id, version, 'not_accept', 'not_accepted', async (row) => {
    if (on < row.received_on) throw errors.validation('on', '不予受理日期不能早于收件日期');
    return { status: 'not_accepted' as PermitStatus, not_accepted_on: on, not_accepted_reason: reason };
  }, async (row, w) => {
    await cal.track(w, ctx.actor, { module: 'licensing', entity: PERMIT_ENTITY, entityId: id, orgId: row.org_id, title: CORRECTION_RULE.label, rule: CORRECTION_RULE, start: row.received_on, doneOn: row.correction_notice_on ?? on });
  });
}

/** 扣除期间 — hearing, testing, expert review … not counted in the decision term (art. 45). */
export function addPause(ctx: Ctx, cal: CalendarService, id: string, version: number, input: PausePeriod) {
  const p = { from: date('from', input.from, '开始日期'), to: date('to', input.to, '结束日期'), reason: String(input.reason ?? '') };
  return step(ctx, cal, id, version, 'pause', 'paused', async (row) => {
    checkPause(p, row.clock_start_on!);
    const pauses = [...((typeof row.pauses === 'string' ? JSON.parse(row.pauses) : row.pauses) as PausePeriod[]), p];
    const d = decisionDeadlines({ start: row.clock_start_on!, committedDays: row.committed_days, statutoryDays: row.statutory_days, pauses, extensionDays: row.extension_days }, cal.current);
    return { pauses: JSON.stringify(pauses), due_on: d.committed.due, statutory_due_on: d.statutory.due };
  }, (row, w) => trackDecision(w, ctx, cal, row));
}

/** 延长 — once, up to 10 working days, approved by the head before the deadline (art. 42). */
export function extendDeadline(ctx: Ctx, cal: CalendarService, id: string, version: number, input: { days: number; approvedOn: string; reason: string }) {
  const approvedOn = date('approvedOn', input.approvedOn, '批准日期');
  const reason = text('reason', input.reason, '延长理由', 1000);
  return step(ctx, cal, id, version, 'extend', 'extended', async (row) => {
    checkExtension({ days: input.days, approvedOn, already: !!row.extension_days, currentDue: row.due_on! });
    const pauses = (typeof row.pauses === 'string' ? JSON.parse(row.pauses) : row.pauses) as PausePeriod[];
    const d = decisionDeadlines({ start: row.clock_start_on!, committedDays: row.committed_days, statutoryDays: row.statutory_days, pauses, extensionDays: input.days }, cal.current);
    return { extension_days: input.days, extension_approved_on: approvedOn, extension_reason: reason, due_on: d.committed.due, statutory_due_on: d.statutory.due };
  }, (row, w) => trackDecision(w, ctx, cal, row));
}

/**
 * 作出决定 — 准予 or 不予许可. A grant is recorded for 双公示 (due in 7 working days)
 * and starts the 10-working-day certificate clock.
 */
export function decide(ctx: Ctx, cal: CalendarService, id: string, version: number, input: { decidedOn: string; result: '准予许可' | '不予许可'; decisionNo?: string | null; note?: string | null }) {
  const decidedOn = date('decidedOn', input.decidedOn, '决定日期');
  if (input.result !== '准予许可' && input.result !== '不予许可') throw errors.validation('result', '办理结果应为“准予许可”或“不予许可”');
  if (input.result === '不予许可' && !input.note?.trim()) throw errors.validation('note', '不予许可应说明理由（行政许可法第三十八条）');
  return step(ctx, cal, id, version, 'decide', 'decided', async (row, w) => {
    if (decidedOn < row.accepted_on!) throw errors.validation('decidedOn', '决定日期不能早于受理日期');
    const decisionNo = input.decisionNo?.trim() || (await nextDecisionNo(w, ctx.actor.tenantId, decidedOn.slice(0, 4)));
    return { status: 'decided' as PermitStatus, decided_on: decidedOn, result: input.result, decision_no: decisionNo, decision_note: input.note?.trim() || null };
  }, async (row, w) => {
    await trackDecision(w, ctx, cal, row);
    if (row.result === '准予许可') {
      await cal.track(w, ctx.actor, { module: 'licensing', entity: PERMIT_ENTITY, entityId: id, orgId: row.org_id, title: CERTIFICATE_RULE.label, rule: CERTIFICATE_RULE, start: decidedOn });
      await recordDecision(w, ctx.actor, cal, publicationInput(row));
    }
  });
}

/** What 双公示 publishes of a granted permit. */
export function publicationInput(row: { id: string; org_id: string; decision_no: string | null; decided_on: string | null; applicant: string; applicant_type: string; applicant_uscc: string | null; item_name?: string | null; item_code?: string | null; published_on?: string | null; certificate_no?: string | null }) {
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
  const r = await tables(w).selectFrom('lic_permit').select((eb) => eb.fn.countAll<number>().as('n')).where('tenant_id', '=', tenantId).where('decided_on', '>=', `${year}-01-01`).where('decided_on', '<=', `${year}-12-31`).executeTakeFirstOrThrow();
  return `穗天水许〔${year}〕${Number(r.n) + 1}号`;
}

/** 颁发证件 — within 10 working days of the grant (art. 44). */
export function issueCertificate(ctx: Ctx, cal: CalendarService, id: string, version: number, input: { issuedOn: string; certificateNo: string }) {
  const issuedOn = date('issuedOn', input.issuedOn, '发证日期');
  const certificateNo = text('certificateNo', input.certificateNo, '证件编号', 100);
  return step(ctx, cal, id, version, 'certify', 'certified', async (row) => {
    if (issuedOn < row.decided_on!) throw errors.validation('issuedOn', '发证日期不能早于决定日期');
    return { certificate_on: issuedOn, certificate_no: certificateNo, status: statusAfterDecision({ certificateOn: issuedOn, publishedOn: row.published_on }) };
  }, async (row, w) => {
    await cal.track(w, ctx.actor, { module: 'licensing', entity: PERMIT_ENTITY, entityId: id, orgId: row.org_id, title: CERTIFICATE_RULE.label, rule: CERTIFICATE_RULE, start: row.decided_on!, doneOn: issuedOn });
  });
}

/** 公示 — marks the grant published in the 双公示 register (7 working days; the publicity module tracks the term). */
export function publishPermit(ctx: Ctx, cal: CalendarService, id: string, version: number, input: { publishedOn: string }) {
  const publishedOn = date('publishedOn', input.publishedOn, '公示日期');
  return step(ctx, cal, id, version, 'publish', 'publication_dated', async (row) => {
    if (publishedOn < row.decided_on!) throw errors.validation('publishedOn', '公示日期不能早于决定日期');
    return { published_on: publishedOn, status: statusAfterDecision({ certificateOn: row.certificate_on, publishedOn }) };
  }, async (_row, w) => {
    await publishDecision(w, ctx.actor, cal, { sourceEntity: PERMIT_ENTITY, sourceId: id, publishedOn });
  });
}
