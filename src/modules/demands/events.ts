/**
 * 办理操作 — each action of the shared demand lifecycle (派单, 签收/受理, 退回, 中止计时, 恢复计时,
 * 延期, 答复, 办结, 评价) as its own small command: the TypeBox schema of its input (the version
 * read, the time it happened and the action's own fields, nothing else; the route validates the
 * body with it) and a pure `apply(facts, input)` holding that action's rules and returning the
 * changes to the record — its columns, its clock and what the audit event notes. The kind's own
 * rules stay with the kind: its definition (`DemandKindDef`: pause reasons, extension cap, clock
 * rules and breaches, results, evaluations) is part of the facts.
 *
 * What every action shares — the record loaded in scope and locked, the workflow's transition
 * (422 `ACTION_NOT_ALLOWED` naming why not), the time resolved (`demandEventFacts`), the
 * versioned update (409 on a stale version), the record's patch (`recordPatch`: status, clock
 * columns, due date), the audit event and the tracked deadlines — runs once, in
 * `applyDemandEvent` (service.ts); the one look-up an action needs (派单: the unit within the
 * actor's scope and its person) is asked for in the changes (`assignTo`) and done there.
 */
import { type Static, type TObject, type TProperties, Type } from '@fastify/type-provider-typebox';
import type { Updateable } from 'kysely';
import { isIsoDate, isoDateInShanghai, type WorkCalendar } from '../../core/calendar/index.js';
import { errors } from '../../core/errors.js';
import { check } from '../../core/input.js';
import { OptText, OptUuid } from '../../core/schemas.js';
import { enforceRules, type RuleBreach } from '../../core/ledger/ledger.js';
import { type ClockExtension, type ClockState, effectiveClock, explainClock, extensionProblem, resumeClock } from './clock.js';
import type { ClockCheck, DemandKindDef } from './kinds.js';
import { bizDate, clockOf, doneOn } from './presenters.js';
import type { ItemRow } from './repository.js';
import type { DemandsTables, DemandStatus } from './schema.js';
import type { DemandAction } from './workflow.js';

// ── Shared pure rules (the service's intake and imports use them too) ──

/** Parses `2022-03-01`, `2022-03-01 14:05`, `2022-03-01T14:05` (Beijing time) or a full ISO instant. */
export function parseInstant(s: string | null | undefined): Date | null {
  if (!s) return null;
  const t = s.trim();
  const m = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(t);
  if (!m || !isIsoDate(m[1]!)) return null;
  const zone = m[5] ?? '+08:00';
  const d = new Date(
    `${m[1]}T${m[2] ?? '00'}:${m[3] ?? '00'}:${m[4] ?? '00'}${zone === 'Z' ? 'Z' : zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone}`,
  );
  return Number.isNaN(d.getTime()) ? null : d;
}

/** A record's module-owned attributes as an object. */
export const attrsOf = (r: Pick<ItemRow, 'attrs'>) => (typeof r.attrs === 'string' ? JSON.parse(r.attrs) : (r.attrs ?? {})) as Record<string, unknown>;

/** The kind's own rules on a clock change ({@link DemandKindDef.clockBreaches}), given the clock's due date under its rules. */
export function kindBreaches(def: DemandKindDef, x: Omit<ClockCheck, 'due'>, cal: WorkCalendar): RuleBreach[] {
  if (!def.clockBreaches) return [];
  return def.clockBreaches({ ...x, due: explainClock(x.clock, x.on, cal, def.clockRules).due }, cal);
}

/**
 * The extensions of a clock that did not extend it — approved after the due date they were to
 * extend, for kinds whose rules say so ({@link ClockRules.extensionInTerm}) — as breaches
 * (`<module>.extension_in_term`, field `approvedOn`); `only`: just that extension. Pure.
 */
export function voidedBreaches(def: DemandKindDef, clock: ClockState, at: { today: string; cal: WorkCalendar; only?: ClockExtension }): RuleBreach[] {
  return effectiveClock(clock, at.today, at.cal, def.clockRules)
    .voided.filter((v) => !at.only || v.extension === at.only)
    .map((v) => ({
      rule: `${def.module}.extension_in_term`,
      statute: v.source,
      message: `延长期限的批准日期${v.extension.approvedOn}晚于当时的届满日${v.dueBefore}，期限届满后批准的延长不发生延长效力，按未延长计算期限`,
      field: 'approvedOn',
    }));
}

// ── The commands ──

/** What an action's `apply` reads: the kind, the record as loaded, the calendar and when the action happened. */
export interface DemandEventFacts {
  def: DemandKindDef;
  r: ItemRow;
  calendar: WorkCalendar;
  /** When it happened: the input's `at`, else now. */
  at: Date;
  /** Its business date (Beijing), never before {@link receivedOn}. */
  on: string;
  /** The day the record was received (受理/交办/收到). */
  receivedOn: string;
  /** The record's clock as stored. */
  clock: ClockState;
}

type ItemSet = Updateable<DemandsTables['dm_item']>;

/** What an action changes. */
export interface DemandChanges {
  /** The record's own columns the action sets (the status, clock columns and due date follow in {@link recordPatch}). */
  set: ItemSet;
  /** The clock after the action. */
  clock: ClockState;
  /** What the audit event notes beside the field changes (reason, approver …); empty: no note. */
  note: Record<string, unknown>;
  /** 派单: the unit and person, checked by the shared part against the actor's scope and the org tree. */
  assignTo?: { orgId: string; assigneeId: string | null };
}

const COMMON = {
  version: Type.Integer(),
  /** When it happened (date or date-time, Beijing); absent: now. */
  at: OptText(40),
};

export interface DemandEventCommand<P extends TProperties = TProperties> {
  /** The body the route accepts: `version`, `at` and the action's own fields, nothing else. */
  input: TObject<P & typeof COMMON>;
  apply(f: DemandEventFacts, input: Static<TObject<P & typeof COMMON>>): DemandChanges;
}

function event<P extends TProperties>(fields: P, apply: DemandEventCommand<P>['apply']): DemandEventCommand<P> {
  return { input: Type.Object({ ...fields, ...COMMON }, { additionalProperties: false }), apply };
}

// ── Input fields (as the action forms send them) ──

const Unit = Type.Union([Type.Literal('workday'), Type.Literal('day'), Type.Literal('month')]);

/** Trimmed text, or null when empty. */
const trimmed = (v: string | null | undefined) => v?.trim() || null;
/** The clock unchanged, no columns, no note: what an action starts from. */
const same = (f: DemandEventFacts, more: Partial<DemandChanges> = {}): DemandChanges => ({ set: {}, clock: f.clock, note: {}, ...more });

/** Every action of the demand lifecycle: its input and what it changes. */
export const DEMAND_EVENTS = {
  /** 派单 / 重新派单 — to a unit (within the actor's scope) and optionally a person of it; the sign step starts anew. */
  assign: event({ orgId: Type.Optional(Type.String({ format: 'uuid' })), assigneeId: OptUuid(), reason: OptText(1000) }, (f, i) => {
    if (!i.orgId) throw errors.validation('orgId', '请选择承办单位');
    const reason = trimmed(i.reason);
    return same(f, { set: { first_done_at: null }, note: reason ? { reason } : {}, assignTo: { orgId: i.orgId, assigneeId: i.assigneeId ?? null } });
  }),
  /** 签收 / 受理 — ends the first step; a kind whose clock runs from acceptance (信访 受理之日) starts it that day. */
  sign: event({}, (f) => {
    if (f.def.clockFrom !== 'signed') return same(f, { set: { first_done_at: f.at } });
    return same(f, { set: { first_done_at: f.at, clock_start: f.on }, clock: { ...f.clock, start: f.on } });
  }),
  /** 退回 — back to the dispatcher (待分派), with the reason. */
  return: event({ reason: OptText(1000) }, (f, i) => {
    const reason = trimmed(i.reason);
    if (!reason) throw errors.validation('reason', '请填写退回理由');
    return same(f, { set: { assignee_id: null, first_done_at: null }, note: { reason } });
  }),
  /** 中止计时 — for one of the kind's reasons (not counted, or restarting the period on resumption); the kind's clock rules apply. */
  pause: event({ reason: OptText(1000) }, (f, i) => {
    const reason = trimmed(i.reason);
    const allowed = [...f.def.pauseReasons, ...f.def.restartReasons];
    if (!reason || !allowed.includes(reason)) throw errors.validation('reason', `中止计时的事由应为：${allowed.join('、')}`);
    const clock = { ...f.clock, pausedSince: f.on, pauseReason: reason };
    enforceRules({ mode: 'live' }, kindBreaches(f.def, { change: 'pause', receivedOn: f.receivedOn, clock, on: f.on, attrs: attrsOf(f.r) }, f.calendar));
    return same(f, { clock, note: { reason } });
  }),
  /** 恢复计时 — closes the pause (not before it began); after a restart reason the period runs anew from that day. */
  resume: event({}, (f) => {
    if (f.on < f.clock.pausedSince!) throw errors.validation('at', `恢复日期不能早于中止日期${f.clock.pausedSince}`);
    const restart = f.def.restartReasons.includes(f.clock.pauseReason ?? '');
    const note: Record<string, unknown> = { reason: f.clock.pauseReason, pausedFrom: f.clock.pausedSince };
    if (restart) note.restartOn = f.on;
    return same(f, { clock: resumeClock(f.clock, f.on, { restart }), note });
  }),
  /**
   * 延期 — approved (by whom, on which day, why), within the kind's cap; an extension approved after the
   * period ran out is refused for kinds whose rules say it does not count, as are the kind's own limits.
   */
  extend: event(
    { n: Type.Optional(Type.Integer()), unit: Type.Optional(Unit), approvedBy: OptText(50), approvedOn: OptText(10), reason: OptText(1000) },
    (f, i) => {
      const n = i.n ?? 0;
      const p = extensionProblem(f.clock.extensions, { n, unit: i.unit }, f.clock.rule, f.def.extensionCap);
      if (p) throw errors.validation('n', p);
      const reason = trimmed(i.reason);
      if (!reason) throw errors.validation('reason', '请填写延期理由');
      const approvedBy = trimmed(i.approvedBy);
      if (!approvedBy) throw errors.validation('approvedBy', '请填写批准人');
      const approvedOn = check.date('approvedOn', '批准日期', i.approvedOn ?? f.on, { required: true }) as string;
      const unit = i.unit ?? f.clock.rule.unit;
      const clock = { ...f.clock, extensions: [...f.clock.extensions, { n, unit, approvedOn, approvedBy, reason }] };
      // An extension approved after the period ran out does not extend it: refused here; an import reports it.
      enforceRules({ mode: 'live' }, [
        ...voidedBreaches(f.def, clock, { today: f.on, cal: f.calendar, only: clock.extensions.at(-1) }),
        ...kindBreaches(f.def, { change: 'extend', receivedOn: f.receivedOn, clock, on: f.on, attrs: attrsOf(f.r) }, f.calendar),
      ]);
      return same(f, { clock, note: { n, unit, approvedBy, approvedOn, reason, count: clock.extensions.length } });
    },
  ),
  /** 答复 — the reply's content and, for kinds with a list of results, one of them. */
  reply: event({ content: OptText(10000), result: OptText(200) }, (f, i) => {
    const content = trimmed(i.content);
    if (!content) throw errors.validation('content', '请填写答复内容');
    const { results } = f.def;
    if (results && (!i.result || !results.includes(i.result))) throw errors.validation('result', `请选择办理结果（${results.join('/')}）`);
    return same(f, { set: { ...(i.result ? { result: i.result } : {}), replied_at: f.at, reply: content } });
  }),
  /** 办结 — not before the reply. */
  close: event({}, (f) => {
    if (f.r.replied_at && f.at < new Date(f.r.replied_at)) throw errors.validation('at', '办结时间不能早于答复时间');
    return same(f, { set: { closed_at: f.at } });
  }),
  /** 评价 / 回访 — one of the kind's evaluations (once: the workflow's guard), with the visit's record. */
  evaluate: event({ satisfaction: OptText(50), reason: OptText(1000) }, (f, i) => {
    const values = f.def.satisfactionValues;
    if (!i.satisfaction || !values.includes(i.satisfaction)) throw errors.validation('satisfaction', `请选择评价（${values.join('/')}）`);
    const reason = trimmed(i.reason);
    return same(f, { set: { satisfaction: i.satisfaction, evaluated_at: f.at }, note: reason ? { reason } : {} });
  }),
} satisfies Record<DemandAction, DemandEventCommand<TProperties>>;

/** The input of an action (its schema's static type). */
export type DemandEventInput<A extends DemandAction> = Static<(typeof DEMAND_EVENTS)[A]['input']>;

/** An action's command, typed loosely for the shared part (the route validated the input with its schema). */
export function demandEventCommand(action: DemandAction): DemandEventCommand<TProperties> {
  return DEMAND_EVENTS[action] as unknown as DemandEventCommand<TProperties>;
}

/**
 * The facts of an action on a record: when it happened — the input's `at` (a date or date-time,
 * Beijing) or `now` — refused (400 naming `at`) when unreadable or before the day of receipt. Pure.
 */
export function demandEventFacts(def: DemandKindDef, r: ItemRow, x: { calendar: WorkCalendar; at: string | null | undefined; now: Date }): DemandEventFacts {
  const at = x.at ? parseInstant(x.at) : x.now;
  if (!at) throw errors.validation('at', `时间格式无效：${x.at}`);
  const on = isoDateInShanghai(at);
  const receivedOn = bizDate(r.received_at)!;
  if (on < receivedOn) throw errors.validation('at', `日期不能早于受理日期${receivedOn}`);
  return { def, r, calendar: x.calendar, at, on, receivedOn, clock: clockOf(r) };
}

/**
 * The columns an action writes: its own, the stage the transition leads to (none: the stage
 * stays), the clock's columns, and the due date under the kind's clock rules on the action's
 * day — frozen once the clock has stopped (replied or closed, per kind). Pure.
 */
export function recordPatch(f: DemandEventFacts, changes: Pick<DemandChanges, 'set' | 'clock'>, to: DemandStatus | undefined): Record<string, unknown> {
  const { clock } = changes;
  const due = explainClock(clock, f.on, f.calendar, f.def.clockRules).due;
  return {
    ...changes.set,
    status: to ?? f.r.status,
    pauses: JSON.stringify(clock.pauses),
    extensions: JSON.stringify(clock.extensions),
    restart_on: clock.restartOn,
    paused_since: clock.pausedSince,
    pause_reason: clock.pauseReason,
    due_on: doneOn(f.def, f.r) ? f.r.due_on : due,
  };
}
