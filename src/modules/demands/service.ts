/**
 * The writes of the shared demand lifecycle: intake, the workflow actions and the
 * bulk load used by ledger imports and the demo. Every write goes through
 * `write(ctx, …)` with an audit event `<module>.<entity>.<verb>`, and keeps the
 * kernel's tracked deadlines in step.
 */
import { encryptPii, piiIndex } from '../../core/crypto/pii.js';
import crypto from 'node:crypto';
import { canonicalJson, write, type AuditInput, type WriteScope } from '../../core/audit/audit.js';
import { insertMany } from '../../core/db/bulk.js';
import { enforceRules, type RuleBreach, type WriteOrigin } from '../../core/ledger/ledger.js';
import type { TrackInput } from '../../core/calendar/service.js';
import type { Actor, Ctx } from '../../core/context.js';
import { errors } from '../../core/errors.js';
import { updateVersioned } from '../../core/versioned.js';
import { isoDateInShanghai, type WorkCalendar } from '../../core/calendar/index.js';
import type { System } from '../../core/system.js';
import { CalendarService } from '../../core/calendar/service.js';

/** What the writes need from the running system: the calendar (and its tracked deadlines). */
export type Sys = Pick<System, 'calendar'>;

/** The calendar service of a write scope, on its transaction and its context's calendar (the admin's overrides included). */
export function calendarOf(w: WriteScope): Sys {
  return { calendar: CalendarService.over(w.tx, w.ctx.calendar) };
}
import { ownerOrgForCreate } from '../../core/scope.js';
import { effectiveClock, explainClock, type ClockState } from './clock.js';
import type { DemandKindDef, FieldError, IntakeEffects } from './kinds.js';
import { bureauOf, findByRef, getItem, insertLinks, itemsByRefs, mergeAttrs, orgExists, setItemColumns, userOrg, type ItemRow } from './repository.js';
import { bizDate, clockOf, doneOn } from './presenters.js';
import type { DemandStatus } from './schema.js';
import { demandWorkflow, requireDemandTransition, type DemandAction } from './workflow.js';
import { demandEventCommand, demandEventFacts, type DemandEventInput, kindBreaches, parseInstant, recordPatch, voidedBreaches } from './events.js';

/** Throws one validation error naming the first field, with every field's message in `details`. */
export function throwFieldErrors(errs: FieldError[]): void {
  if (!errs.length) return;
  throw errors.validation(errs[0]!.field, errs.map((e) => e.message).join('；'), { fields: errs });
}

export interface IntakeInput {
  refNo: string;
  /** 承办单位; omitted: the bureau itself, waiting to be dispatched (待分派). */
  orgId?: string | null;
  assigneeId?: string | null;
  receivedAt: string;
  title?: string | null;
  content?: string | null;
  demandType?: string | null;
  channel?: string | null;
  personName?: string | null;
  personPhone?: string | null;
  personIdNo?: string | null;
  location?: string | null;
  /** 办理时限 (working days) carried by the record, when the kind has one. */
  timeLimit?: number | null;
  attrs?: Record<string, unknown>;
}

const PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8}|\d{7,8})$/;

/** Checks an intake; returns every field problem (Chinese, naming the field). */
export function checkIntake(def: DemandKindDef, input: IntakeInput): FieldError[] {
  const errs: FieldError[] = [];
  if (!input.refNo?.trim()) errs.push({ field: 'refNo', message: `${def.refLabel}不能为空` });
  else if (input.refNo.trim().length > 64) errs.push({ field: 'refNo', message: `${def.refLabel}过长（不超过64字符）` });
  if (!input.receivedAt) errs.push({ field: 'receivedAt', message: '受理时间不能为空' });
  else if (!parseInstant(input.receivedAt))
    errs.push({ field: 'receivedAt', message: `受理时间格式无效：${input.receivedAt}（应为 2022-03-01 或 2022-03-01 14:05）` });
  if (def.demandTypes && input.demandType && !def.demandTypes.includes(input.demandType))
    errs.push({ field: 'demandType', message: `类型“${input.demandType}”不是可选值（${def.demandTypes.join('/')}）` });
  if (def.channels && input.channel && !def.channels.includes(input.channel))
    errs.push({ field: 'channel', message: `“${input.channel}”不是可选值（${def.channels.join('/')}）` });
  if (input.personPhone && !PHONE.test(input.personPhone.replace(/\s/g, '')))
    errs.push({ field: 'personPhone', message: `联系电话格式无效：${input.personPhone}` });
  if (input.timeLimit != null && (!Number.isInteger(input.timeLimit) || input.timeLimit < 1 || input.timeLimit > 60))
    errs.push({ field: 'timeLimit', message: '办理时限应为1至60之间的整数（工作日）' });
  errs.push(...(def.checkIntake?.({ demandType: input.demandType ?? null, channel: input.channel ?? null, attrs: input.attrs ?? {} }) ?? []));
  return errs;
}

/** The audit view of a row (fields a person reads in the history). */
/** The stored form of a person's phone and ID number: encrypted, plus the phone's blind index. */
function personal(phone: string | null, idNo: string | null) {
  return { person_phone: encryptPii(phone), person_phone_idx: piiIndex(phone), person_id_no: encryptPii(idNo) };
}

function auditView(r: Partial<ItemRow>): Record<string, unknown> {
  const v: Record<string, unknown> = {
    ref_no: r.ref_no,
    org_id: r.org_id,
    assignee_id: r.assignee_id,
    status: r.status,
    title: r.title,
    demand_type: r.demand_type,
    channel: r.channel,
    due_on: r.due_on,
    first_due_on: r.first_due_on,
    result: r.result,
    satisfaction: r.satisfaction,
    reply: r.reply,
  };
  for (const k of ['received_at', 'first_done_at', 'replied_at', 'closed_at'] as const) {
    const x = r[k];
    v[k] = x == null ? null : new Date(x).toISOString();
  }
  return v;
}

async function bureauOrg(w: WriteScope, tenantId: string): Promise<string> {
  return (await bureauOf(w.tx, tenantId)).id;
}

async function checkOrgAndAssignee(
  w: WriteScope,
  actor: Actor,
  orgId: string | null | undefined,
  assigneeId: string | null | undefined,
): Promise<FieldError[]> {
  const errs: FieldError[] = [];
  if (orgId) {
    if (!(await orgExists(w.tx, actor.tenantId, orgId))) errs.push({ field: 'orgId', message: '承办单位不存在' });
  }
  if (assigneeId) {
    const u = await userOrg(w.tx, actor.tenantId, assigneeId);
    if (!u) errs.push({ field: 'assigneeId', message: '承办人不存在' });
    else if (orgId && u.org_id !== orgId) errs.push({ field: 'assigneeId', message: '承办人不属于承办单位' });
  }
  return errs;
}

/**
 * The deadlines a record has: its main clock (the pauses and extensions its kind's rules let
 * count — an extension approved too late is left out) and, for kinds with one, the sign/accept step.
 */
function trackInputs(def: DemandKindDef, r: ItemRow, cal: WorkCalendar): TrackInput[] {
  const clock = clockOf(r);
  const done = doneOn(def, r);
  const counted = effectiveClock({ ...clock, pausedSince: null }, bizDate(r.received_at)!, cal, def.clockRules);
  const inputs: TrackInput[] = [
    {
      module: def.module,
      entity: def.entity,
      entityId: r.id,
      orgId: r.org_id,
      title: clock.rule.label,
      rule: clock.rule,
      start: clock.start,
      pauses: counted.pauses,
      extensions: counted.extensions.map((x) => ({ n: x.n, unit: x.unit, approvedOn: x.approvedOn, reason: x.reason })),
      restartOn: clock.restartOn,
      doneOn: done,
      assigneeId: r.assignee_id,
      label: r.ref_no,
    },
  ];
  if (def.firstRule && r.first_due_on) {
    // Closed without a sign step (e.g. answered at once) also ends the first step.
    inputs.push({
      module: def.module,
      entity: def.entity,
      entityId: r.id,
      orgId: r.org_id,
      title: def.firstRule.label,
      rule: def.firstRule,
      start: bizDate(r.received_at)!,
      doneOn: bizDate(r.first_done_at) ?? done,
      assigneeId: r.assignee_id,
      label: r.ref_no,
    });
  }
  return inputs;
}

/** Tracks (or updates) a record's deadlines, done or not. */
async function track(sys: Sys, w: WriteScope, def: DemandKindDef, r: ItemRow): Promise<void> {
  await sys.calendar.trackMany(w, w.ctx.actor, trackInputs(def, r, sys.calendar.current));
}

/**
 * 受理/接收 — takes a demand in. With a unit it is assigned at once (待签收, or 办理中
 * when the kind has no sign step); without one it waits for dispatch (待分派).
 * Audit: `<entity>.created`. The record is written by {@link saveDemands}, the
 * same function a ledger import uses.
 */
export async function intake(sys: Sys, ctx: Ctx, def: DemandKindDef, take: { input: IntakeInput; via?: string }): Promise<ItemRow> {
  const { input } = take;
  throwFieldErrors(checkIntake(def, input));
  return write(ctx, async (w) => {
    const actor = ctx.actor;
    // The unit must lie within the actor's scope. Without one named, a bureau-wide user's
    // intake waits for dispatch (待分派, held by the bureau); a street user's is their own
    // unit's, never the bureau's (which they could not see afterwards).
    const orgId = input.orgId || !actor.scope.all ? await ownerOrgForCreate({ db: w.tx, actor }, input.orgId, '承办单位') : null;
    throwFieldErrors(await checkOrgAndAssignee(w, actor, orgId, input.assigneeId));
    const refNo = input.refNo.trim();
    if (await findByRef(w.tx, actor.tenantId, def.kind, refNo)) throw errors.duplicate('refNo', `${def.refLabel}“${refNo}”已存在`);
    const [saved] = await saveDemands(sys, w, def, {
      records: [
        {
          refNo,
          orgId,
          assigneeId: input.assigneeId ?? null,
          receivedAt: parseInstant(input.receivedAt)!,
          title: input.title?.trim() ?? '',
          content: input.content?.trim() ?? '',
          demandType: input.demandType ?? null,
          channel: input.channel ?? null,
          personName: input.personName?.trim() || null,
          personPhone: input.personPhone?.replace(/\s/g, '') || null,
          personIdNo: input.personIdNo?.trim().toUpperCase() || null,
          location: input.location?.trim() || null,
          timeLimit: input.timeLimit ?? null,
          attrs: input.attrs ?? {},
        },
      ],
      origin: { mode: 'live', via: take.via },
    });
    return (await findByRef(w.tx, actor.tenantId, def.kind, refNo)) ?? (await getItem({ ...w.ctx, actor }, def.kind, saved!.id))!;
  });
}

/**
 * One action on a demand — the part every action shares: loads the record in scope and locks it,
 * checks the version (409 when stale) and that the kind's workflow allows the action now (422
 * `ACTION_NOT_ALLOWED` naming why not), resolves when it happened (`at`, else now; not before
 * receipt), applies the action's pure `apply` ({@link DEMAND_EVENTS}) — for 派单 the unit is
 * checked against the actor's scope and its person against the unit — writes the record's patch
 * (status, clock, due date: {@link recordPatch}), audits `<entity>.<past verb>` with the fields it
 * changed and the action's note, and keeps the tracked deadlines in step.
 */
export async function applyDemandEvent<A extends DemandAction>(
  sys: Sys,
  ctx: Ctx,
  def: DemandKindDef,
  step: { id: string; action: A; input: DemandEventInput<A> },
): Promise<ItemRow> {
  const { id, action } = step;
  const input = step.input as DemandEventInput<DemandAction>;
  const command = demandEventCommand(action);
  const actor = ctx.actor;
  return write(ctx, async (w) => {
    let note: Record<string, unknown> = {};
    let after: ItemRow | undefined;
    let transition: { to?: DemandStatus } | undefined;
    await updateVersioned(w, {
      table: 'dm_item',
      tenantId: actor.tenantId,
      id,
      version: input.version,
      label: def.label,
      load: () => getItem({ ...ctx, db: w.tx }, def.kind, id),
      check: (before) => {
        transition = requireDemandTransition(demandWorkflow(def), before.status, action, { satisfaction: before.satisfaction });
      },
      patch: async (before) => {
        const f = demandEventFacts(def, before, { calendar: sys.calendar.current, at: input.at, now: ctx.clock.now() });
        const changes = command.apply(f, input);
        note = changes.note;
        const set: Record<string, unknown> = { ...changes.set };
        if (changes.assignTo) {
          const orgId = await ownerOrgForCreate({ db: w.tx, actor }, changes.assignTo.orgId, '承办单位');
          throwFieldErrors(await checkOrgAndAssignee(w, actor, orgId, changes.assignTo.assigneeId));
          set.org_id = orgId;
          set.assignee_id = changes.assignTo.assigneeId;
        }
        return recordPatch(f, { set, clock: changes.clock }, transition?.to);
      },
      audit: {
        entity: def.entity,
        action: PAST[action],
        orgId: (_b, row) => row.org_id,
        before: (before) => auditView(before),
        after: async () => {
          after = (await getItem({ ...ctx, db: w.tx }, def.kind, id))!;
          return auditView(after);
        },
        note: () => (Object.keys(note).length ? note : undefined),
      },
      ifUnchanged: 'write',
    });
    await track(sys, w, def, after!);
    return after!;
  });
}

/** Audit verbs of the actions (past tense, as the audit log reads). */
export const PAST: Record<DemandAction, string> = {
  assign: 'assigned',
  sign: 'signed',
  return: 'returned',
  pause: 'paused',
  resume: 'resumed',
  extend: 'extended',
  reply: 'replied',
  close: 'closed',
  evaluate: 'evaluated',
};

/**
 * A demand as a record: what intake takes, plus — for a record that has already
 * run its course (a ledger row, the demo) — the lifecycle facts it carries.
 */
export interface DemandFacts {
  refNo: string;
  /** 承办单位; null: the bureau itself — waiting to be dispatched (待分派) unless `bureauHandles`. */
  orgId: string | null;
  /** With no unit: the bureau handles the record itself (ledgers without a unit column), not 待分派. */
  bureauHandles?: boolean;
  assigneeId?: string | null;
  receivedAt: Date;
  title?: string;
  content?: string;
  demandType?: string | null;
  channel?: string | null;
  personName?: string | null;
  personPhone?: string | null;
  personIdNo?: string | null;
  location?: string | null;
  timeLimit?: number | null;
  /** 签收/受理 time. */
  firstDoneAt?: Date | null;
  /** The main clock's start when it is not the intake date (信访: 受理日期). */
  clockStart?: string | null;
  extensions?: ClockState['extensions'];
  pauses?: ClockState['pauses'];
  /** 重新起算日 (a corrected application received after a timely correction notice). */
  restartOn?: string | null;
  /** An open pause (the clock stands still from this date: a correction awaited …) and its reason. */
  pausedSince?: string | null;
  pauseReason?: string | null;
  /**
   * Rules the record's facts broke, found while the ledger derived them (a late correction
   * notice …): refused in live mode, findings in historical mode.
   */
  breaches?: readonly RuleBreach[];
  repliedAt?: Date | null;
  reply?: string | null;
  result?: string | null;
  closedAt?: Date | null;
  satisfaction?: string | null;
  attrs?: Record<string, unknown>;
  /** The title of a new record when the row states none (a ledger without a title column). */
  newTitle?: string;
  /** The ledger row it came from (imports). */
  row?: number;
}

/** @deprecated name kept for the demo loaders: a record with its unit given. */
export type LoadedItem = DemandFacts & { orgId: string };

/** Derives the status of a record from its facts. */
function recordStatus(def: DemandKindDef, x: DemandFacts): DemandStatus {
  if (x.closedAt) return 'closed';
  if (x.repliedAt) return 'replied';
  if (!x.orgId && !x.bureauHandles) return 'received';
  if (def.steps.sign && !x.firstDoneAt) return 'assigned';
  return x.pausedSince ? 'paused' : 'handling';
}

/** The row values of a record (clock computed on the current calendar); jsonb columns as values. */
function recordValues(sys: Sys, def: DemandKindDef, x: DemandFacts, owner: { tenantId: string; orgId: string }) {
  const { orgId } = owner;
  const receivedOn = isoDateInShanghai(x.receivedAt);
  const attrs = x.attrs ?? {};
  const rule = def.mainRule({ receivedOn, demandType: x.demandType ?? null, timeLimit: x.timeLimit ?? null, attrs, cal: sys.calendar.current });
  const start = x.clockStart ?? receivedOn;
  const clock: ClockState = {
    rule,
    start,
    pauses: x.pauses ?? [],
    extensions: x.extensions ?? [],
    restartOn: x.restartOn ?? null,
    pausedSince: x.repliedAt || x.closedAt ? null : (x.pausedSince ?? null),
    pauseReason: x.repliedAt || x.closedAt ? null : x.pausedSince ? (x.pauseReason ?? null) : null,
  };
  return {
    tenant_id: owner.tenantId,
    kind: def.kind,
    ref_no: x.refNo,
    org_id: orgId,
    assignee_id: x.assigneeId ?? null,
    status: recordStatus(def, x),
    // A ledger without a title column: the start of the content.
    title: x.title ?? x.newTitle ?? (x.content ?? '').slice(0, 40),
    content: x.content ?? '',
    demand_type: x.demandType ?? null,
    channel: x.channel ?? null,
    person_name: x.personName ?? null,
    ...personal(x.personPhone ?? null, x.personIdNo ?? null),
    location: x.location ?? null,
    received_at: x.receivedAt,
    first_due_on: def.firstRule ? sys.calendar.explain({ rule: def.firstRule, start: receivedOn }).due : null,
    // A closed record that had a sign step was signed; a ledger that does not record when counts it signed on intake.
    first_done_at: x.firstDoneAt !== undefined ? x.firstDoneAt : x.closedAt && def.steps.sign ? x.receivedAt : null,
    clock_start: start,
    rule,
    pauses: clock.pauses,
    extensions: clock.extensions,
    restart_on: clock.restartOn,
    paused_since: clock.pausedSince,
    pause_reason: clock.pauseReason,
    due_on: explainClock(clock, receivedOn, sys.calendar.current, def.clockRules).due,
    replied_at: x.repliedAt ?? null,
    reply: x.reply ?? null,
    result: x.result ?? null,
    closed_at: x.closedAt ?? null,
    satisfaction: x.satisfaction ?? null,
    evaluated_at: x.satisfaction ? (x.closedAt ?? x.repliedAt ?? null) : null,
    attrs,
  };
}
type RecordValues = ReturnType<typeof recordValues>;

/**
 * The rules a demand record can have broken, as its facts show: done (replied or
 * closed, as the kind's clock stops) after its due date. Pure.
 */
export function demandBreaches(def: DemandKindDef, v: Pick<RecordValues, 'due_on' | 'replied_at' | 'closed_at' | 'rule'>): RuleBreach[] {
  const done = def.doneBy === 'reply' ? v.replied_at : v.closed_at;
  if (!done) return [];
  const doneOnDate = isoDateInShanghai(new Date(done));
  if (doneOnDate <= v.due_on) return [];
  const rule = v.rule as { label?: string; source?: string };
  return [
    {
      rule: `${def.module}.done_in_time`,
      statute: rule.source ?? '',
      message: `${def.doneBy === 'reply' ? '答复' : '办结'}日期${doneOnDate}晚于${rule.label ?? '办理期限'}（${v.due_on}）`,
      field: def.doneBy === 'reply' ? 'repliedAt' : 'closedAt',
    },
  ];
}

/**
 * The clock rules a record's facts break: those its ledger found while deriving them
 * (`breaches`), extensions approved after the period ran out, and the kind's own
 * ({@link DemandKindDef.clockBreaches}, change `record`). Pure.
 */
function recordClockBreaches(def: DemandKindDef, x: Pick<DemandFacts, 'receivedAt' | 'breaches'>, v: RecordValues, cal: WorkCalendar): RuleBreach[] {
  const receivedOn = isoDateInShanghai(x.receivedAt);
  const clock: ClockState = {
    rule: v.rule,
    start: v.clock_start,
    pauses: v.pauses,
    extensions: v.extensions,
    restartOn: v.restart_on,
    pausedSince: v.paused_since,
    pauseReason: v.pause_reason,
  };
  return [
    ...(x.breaches ?? []),
    ...voidedBreaches(def, clock, { today: receivedOn, cal }),
    ...kindBreaches(def, { change: 'record', receivedOn, clock, on: receivedOn, attrs: v.attrs }, cal),
  ];
}

/** What {@link saveDemands} did with each record, in input order. */
export interface SavedDemand {
  id: string;
  action: 'created' | 'updated' | 'unchanged';
}

/**
 * Writes demand records — the one write path of a demand kind, used by intake (a
 * form or the 12345 push: one record, live), by ledger imports (many, historical)
 * and by the demo. New numbers are inserted in bulk; a known number is updated
 * where a fact differs (imports); the clock, the tracked deadlines and the kind's
 * intake hook (repeat links, co-handler terms) follow in both modes. A record done
 * after its due date is a finding in historical mode (it is counted late by the
 * on-time metrics either way).
 */
export async function saveDemands(
  sys: Sys,
  w: WriteScope,
  def: DemandKindDef,
  batch: { records: readonly DemandFacts[]; origin: WriteOrigin; auditAction?: string },
): Promise<SavedDemand[]> {
  const { records, origin } = batch;
  const actor = w.ctx.actor;
  const bureau = records.some((r) => !r.orgId) ? await bureauOrg(w, actor.tenantId) : null;
  const refs = records.map((r) => r.refNo);
  const existing = new Map<string, ItemRow>();
  if (origin.mode === 'historical' && refs.length) {
    for (const r of await itemsByRefs(w.tx, actor.tenantId, def.kind, refs)) existing.set(r.ref_no, r);
  }
  const out: SavedDemand[] = [];
  const fresh: Array<{ x: DemandFacts; v: RecordValues & { id: string }; clockBreaches: readonly RuleBreach[] }> = [];
  for (const x of records) {
    const old = existing.get(x.refNo);
    if (old) {
      const changed = await updateRecord(sys, w, def, { existing: old, x, origin });
      out.push({ id: old.id, action: changed ? 'updated' : 'unchanged' });
      continue;
    }
    const v = { id: crypto.randomUUID(), ...recordValues(sys, def, x, { tenantId: actor.tenantId, orgId: x.orgId ?? bureau! }) };
    // A form (or the demo) may not write a record that breaks a clock rule; an import reports it.
    const clockBreaches = enforceRules(origin, recordClockBreaches(def, x, v, sys.calendar.current));
    fresh.push({ x, v, clockBreaches });
    out.push({ id: v.id, action: 'created' });
  }
  await insertMany(
    w.tx,
    'dm_item',
    fresh.map((f) => f.v),
  );
  const audits: AuditInput[] = [];
  for (const { x, v, clockBreaches } of fresh) {
    const view = auditView(v as unknown as Partial<ItemRow>);
    if (origin.mode === 'historical') {
      origin.imp.trace({ row: x.row ?? 0, entity: def.entity, entityId: v.id, action: 'created', orgId: v.org_id, values: view });
      for (const b of [...clockBreaches, ...demandBreaches(def, v)])
        origin.imp.finding({ ...b, row: x.row ?? 0, entity: def.entity, entityId: v.id, orgId: v.org_id });
    } else {
      // Live: a late reply or closure is allowed (the clock shows it overdue and the on-time
      // metrics count it late); only a past record taken in by an import reports it as a finding.
      audits.push({
        entity: def.entity,
        entityId: v.id,
        action: batch.auditAction ?? 'created',
        orgId: v.org_id,
        after: view,
        ...(origin.via ? { note: { via: origin.via } } : {}),
      });
    }
  }
  await trackRecords(
    sys,
    w,
    def,
    fresh.map((f) => ({ ...f.v, ref_no: f.v.ref_no }) as unknown as ItemRow),
  );
  for (const { x, v } of fresh) {
    if (!def.afterIntake || v.closed_at) continue;
    const effects = await def.afterIntake(w, actor, {
      id: v.id,
      refNo: v.ref_no,
      orgId: v.org_id,
      receivedOn: isoDateInShanghai(x.receivedAt),
      personPhoneKey: v.person_phone_idx,
      location: v.location,
      channel: v.channel,
      attrs: v.attrs,
    });
    if (effects) await applyIntakeEffects(w, def, v, effects);
  }
  // Last, so each event records the record's state after the intake hook's changes.
  if (audits.length) await w.auditMany(audits);
  return out;
}

/** Records what a kind's intake hook asked for: merged attributes, and links with their `linked` event. */
async function applyIntakeEffects(
  w: WriteScope,
  def: DemandKindDef,
  v: { id: string; org_id: string; attrs: Record<string, unknown> },
  effects: IntakeEffects,
): Promise<void> {
  const actor = w.ctx.actor;
  if (effects.attrs) await mergeAttrs(w.tx, actor.tenantId, v.id, { ...v.attrs, ...effects.attrs });
  const links = effects.links;
  if (links?.to.length) {
    await insertLinks(
      w.tx,
      actor.tenantId,
      v.id,
      links.to.map((l) => ({ id: l.id, reason: `${links.label}：${l.reason}` })),
    );
    await w.audit({
      entity: def.entity,
      entityId: v.id,
      action: 'linked',
      orgId: v.org_id,
      note: { repeats: links.to.map((l) => l.id), reason: links.to.map((l) => l.reason).join('；') },
    });
  }
}

/**
 * Changes a demand's module-owned attributes (`attrs`) on its locked row — the one way a kind
 * module writes its facts onto a record besides the lifecycle: versioned, with one event
 * `<entity>.<action>` whose note carries the step (no field diff). `check` sees the locked
 * record (a gate refused there changes nothing); returns the record as it was.
 */
export async function updateAttrs(
  w: WriteScope,
  def: DemandKindDef,
  id: string,
  u: {
    check?: (r: ItemRow) => void;
    next: (attrs: Record<string, unknown>, r: ItemRow) => Record<string, unknown>;
    audit: { action: string; note: Record<string, unknown> | (() => Record<string, unknown>) };
  },
): Promise<ItemRow> {
  const { before } = await updateVersioned<ItemRow>(w, {
    table: 'dm_item',
    tenantId: w.ctx.actor.tenantId,
    id,
    version: undefined,
    label: def.label,
    load: () => getItem(w.ctx, def.kind, id),
    check: u.check,
    patch: (r) => ({ attrs: JSON.stringify(u.next({ ...((r.attrs ?? {}) as Record<string, unknown>) }, r)) }),
    ifUnchanged: 'write',
    audit: { entity: def.entity, action: u.audit.action, orgId: (r) => r.org_id, view: () => ({}), note: u.audit.note },
  });
  return before;
}

/** Loads complete records in bulk (the demo): {@link saveDemands}, live, audited as `imported`. */
export async function loadItems(sys: Sys, w: WriteScope, def: DemandKindDef, batch: { items: readonly LoadedItem[]; via: string }): Promise<string[]> {
  return (await saveDemands(sys, w, def, { records: batch.items, origin: { mode: 'live', via: batch.via }, auditAction: 'imported' })).map((s) => s.id);
}

/** The tracked deadlines of records: the main clock (open or done) and the first step. */
async function trackRecords(sys: Sys, w: WriteScope, def: DemandKindDef, rows: readonly ItemRow[]): Promise<void> {
  // A record that ran its course before it came in has nothing left to track.
  await sys.calendar.trackMany(
    w,
    w.ctx.actor,
    rows.filter((r) => !doneOn(def, r)).flatMap((r) => trackInputs(def, r, sys.calendar.current)),
  );
}

/**
 * Updates a known record from a ledger row where a fact the row states differs; returns
 * whether anything changed. A fact the row leaves `undefined` (the ledger has no column for
 * it) keeps what the record holds, so re-importing an export changes nothing. Historical:
 * provenance (with the previous columns, for undo) and findings; live: an audit event.
 */
async function updateRecord(sys: Sys, w: WriteScope, def: DemandKindDef, u: { existing: ItemRow; x: DemandFacts; origin: WriteOrigin }): Promise<boolean> {
  const { existing, x, origin } = u;
  const actor = w.ctx.actor;
  const same = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);
  const existingAttrs = (typeof existing.attrs === 'string' ? JSON.parse(existing.attrs) : existing.attrs) as Record<string, unknown>;
  // The record's facts, overlaid with those the row states.
  const merged: DemandFacts = {
    refNo: existing.ref_no,
    orgId: x.orgId ?? existing.org_id,
    assigneeId: existing.assignee_id,
    receivedAt: x.receivedAt ?? new Date(existing.received_at),
    title: x.title ?? existing.title,
    content: x.content ?? existing.content,
    demandType: x.demandType !== undefined ? x.demandType : existing.demand_type,
    channel: x.channel !== undefined ? x.channel : existing.channel,
    timeLimit: x.timeLimit !== undefined ? x.timeLimit : ((existing.rule as { n?: number }).n ?? null),
    firstDoneAt: x.firstDoneAt !== undefined ? x.firstDoneAt : existing.first_done_at ? new Date(existing.first_done_at) : null,
    clockStart: x.clockStart !== undefined ? x.clockStart : existing.clock_start,
    extensions: x.extensions ?? (existing.extensions as ClockState['extensions']),
    pauses: x.pauses ?? (existing.pauses as ClockState['pauses']),
    restartOn: x.restartOn !== undefined ? x.restartOn : existing.restart_on,
    pausedSince: x.pausedSince !== undefined ? x.pausedSince : existing.paused_since,
    pauseReason: x.pauseReason !== undefined ? x.pauseReason : existing.pause_reason,
    repliedAt: x.repliedAt !== undefined ? x.repliedAt : existing.replied_at ? new Date(existing.replied_at) : null,
    reply: x.reply !== undefined ? x.reply : existing.reply,
    result: x.result !== undefined ? x.result : existing.result,
    closedAt: x.closedAt !== undefined ? x.closedAt : existing.closed_at ? new Date(existing.closed_at) : null,
    satisfaction: x.satisfaction !== undefined ? x.satisfaction : existing.satisfaction,
    attrs: { ...existingAttrs, ...(x.attrs ?? {}) },
  };
  const v = recordValues(sys, def, merged, { tenantId: actor.tenantId, orgId: merged.orgId! });
  const changed: Record<string, unknown> = {};
  const stated: Array<[keyof DemandFacts, keyof typeof v & keyof ItemRow]> = [
    ['orgId', 'org_id'],
    ['title', 'title'],
    ['content', 'content'],
    ['demandType', 'demand_type'],
    ['channel', 'channel'],
    ['result', 'result'],
    ['satisfaction', 'satisfaction'],
  ];
  for (const [fact, col] of stated) {
    if (x[fact] === undefined || (x[fact] === null && fact === 'orgId')) continue;
    // A ledger cell left empty (title, content) does not clear what the record holds.
    if ((col === 'title' || col === 'content') && !v[col]) continue;
    if (!same(existing[col], v[col])) changed[col] = v[col];
  }
  if (x.attrs !== undefined && !same(existingAttrs, v.attrs)) changed.attrs = v.attrs;
  const instants: Array<[keyof DemandFacts, 'received_at' | 'first_done_at' | 'replied_at' | 'closed_at']> = [
    ['receivedAt', 'received_at'],
    ['firstDoneAt', 'first_done_at'],
    ['repliedAt', 'replied_at'],
    ['closedAt', 'closed_at'],
  ];
  for (const [fact, k] of instants) {
    if (x[fact] === undefined) continue;
    if (def.doneBy === 'reply' && existing.replied_at && k === 'closed_at') continue;
    const a = existing[k] ? new Date(existing[k]!) : null;
    const b = v[k] ? new Date(v[k]!) : null;
    if (!a && !b) continue;
    // A ledger that records only the date (Beijing midnight) matches any time on that date.
    const dateOnly = b && `${isoDateInShanghai(b)}T00:00` === new Date(b.getTime() + 8 * 3600_000).toISOString().slice(0, 16);
    if (a && b && (dateOnly ? isoDateInShanghai(a) === isoDateInShanghai(b) : a.getTime() === b.getTime())) continue;
    changed[k] = v[k];
  }
  const lifecycle = ['first_done_at', 'replied_at', 'closed_at'].some((k) => k in changed);
  // Kinds whose clock stops at the reply file (close) them without a ledger column for it.
  if (lifecycle && !(def.doneBy === 'reply' && existing.replied_at)) changed.status = v.status;
  // A ledger cannot express pauses, restarts or approved extensions: a clock that has them stays as recorded.
  const richClock = ((existing.pauses as unknown[]) ?? []).length > 0 || !!existing.restart_on || ((existing.extensions as unknown[]) ?? []).length > 0;
  // A plain clock takes the pauses, restart and extensions the row states (a ledger that has columns for them).
  const clockFacts: Array<[keyof DemandFacts, 'pauses' | 'extensions' | 'restart_on' | 'paused_since' | 'pause_reason']> = [
    ['pauses', 'pauses'],
    ['extensions', 'extensions'],
    ['restartOn', 'restart_on'],
    ['pausedSince', 'paused_since'],
    ['pauseReason', 'pause_reason'],
  ];
  let clockChanged = false;
  if (!richClock)
    for (const [fact, col] of clockFacts)
      if (x[fact] !== undefined && !same(existing[col], v[col])) {
        changed[col] = v[col];
        clockChanged = true;
      }
  if (!richClock && (clockChanged || x.timeLimit !== undefined || x.clockStart !== undefined || 'received_at' in changed)) {
    if (v.due_on !== existing.due_on) changed.due_on = v.due_on;
    if (v.clock_start !== existing.clock_start) changed.clock_start = v.clock_start;
  }
  if (!Object.keys(changed).length) return false;
  const set: Record<string, unknown> = { ...changed, rule: JSON.stringify(v.rule), version: existing.version + 1, updated_at: new Date() };
  for (const k of ['attrs', 'pauses', 'extensions'] as const) if (k in set) set[k] = JSON.stringify(set[k]);
  await setItemColumns(w.tx, actor.tenantId, existing.id, set);
  const after = (await getItem({ ...w.ctx, actor }, def.kind, existing.id))!;
  if (origin.mode === 'historical') {
    const before: Record<string, unknown> = { version: existing.version, rule: existing.rule };
    for (const k of Object.keys(changed)) before[k] = (existing as unknown as Record<string, unknown>)[k];
    const shown = auditView(after);
    origin.imp.trace({ row: x.row ?? 0, entity: def.entity, entityId: existing.id, action: 'updated', orgId: after.org_id, values: shown, before });
    for (const b of [
      ...recordClockBreaches(def, { receivedAt: merged.receivedAt, breaches: x.breaches }, v, sys.calendar.current),
      ...demandBreaches(def, {
        due_on: after.due_on,
        replied_at: after.replied_at,
        closed_at: after.closed_at,
        rule: after.rule as RecordValues['rule'],
      }),
    ]) {
      origin.imp.finding({ ...b, row: x.row ?? 0, entity: def.entity, entityId: existing.id, orgId: after.org_id });
    }
  } else {
    await w.audit({
      entity: def.entity,
      entityId: existing.id,
      action: 'updated',
      orgId: after.org_id,
      before: auditView(existing),
      after: auditView(after),
      ...(origin.via ? { note: { via: origin.via } } : {}),
    });
  }
  await track(sys, w, def, after);
  return true;
}
