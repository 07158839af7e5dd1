/**
 * 案件环节 — each event of the `litigation.case` workflow as a small command: the TypeBox
 * schema of its input (nothing beyond the fields listed; the route validates the body with it)
 * and a pure `apply(facts, input)` returning the changes to the case. What every event shares —
 * the case loaded in scope, `requireTransition`, the versioned update and its audit event, the
 * tracked deadlines — runs once, in `applyCaseEvent` (commands.ts).
 */
import { Type } from '@fastify/type-provider-typebox';
import type { Updateable } from 'kysely';
import type { WorkCalendar } from '../../core/calendar/calendar.js';
import { requiredDate, requiredText } from '../../core/input.js';
import { errors } from '../../core/errors.js';
import { eventCommands, OptionalText as Text } from '../../core/workflow/events.js';
import type { CaseRow } from './repository.js';
import { appealDeadline, dateOrderBreaches, hearingBreaches, outcomeDef, outcomesOf, replyBreaches } from './rules.js';
import { APPELLANTS, HEAD_ROLES, type HeadRole, type LitigationTables } from './schema.js';

/** What an event's `apply` reads. */
export interface EventFacts {
  c: CaseRow;
  /** The event's business date (`on`). */
  on: string;
  calendar: WorkCalendar;
}

/** A hearing an event records. */
export interface HearingChange {
  held_on: string;
  head_role: HeadRole | null;
  head_name: string | null;
  absence_reason: string | null;
  note: string | null;
}

export interface Changes {
  set: Updateable<LitigationTables['lit_case']>;
  hearing?: HearingChange;
  note?: Record<string, unknown>;
}

const event = eventCommands<EventFacts, Changes>();

const str = (v: string | null | undefined) => (typeof v === 'string' ? v.trim() : '');
/** A real YYYY-MM-DD date, or a 400 naming the field (the kernel's). */
export const assertDate = requiredDate;
const firstOrder = (c: Parameters<typeof dateOrderBreaches>[0]) => {
  const b = dateOrderBreaches(c);
  if (b.length) throw errors.validation(b[0]!.field === 'outcomeOn' || b[0]!.field === 'replyFiledOn' ? 'on' : b[0]!.field, b[0]!.message);
};

/** The appeal window's last day once a first-instance outcome is served (null: none opens). */
const appealDue = (c: CaseRow, outcome: string, servedOn: string | null, cal: WorkCalendar) =>
  appealDeadline({ kind: c.kind, instance: c.instance, outcome, servedOn }, cal)?.due ?? null;

/** Every event of the case workflow: its input and what it changes. */
export const CASE_EVENTS = {
  reply: event({}, (f) => {
    firstOrder({ receivedOn: f.c.received_on, replyFiledOn: f.on });
    const late = replyBreaches({ kind: f.c.kind, replyFiledOn: f.on, replyDueOn: f.c.reply_due_on });
    return { set: { reply_filed_on: f.on }, ...(late.length ? { note: { late: late[0]!.message } } : {}) };
  }),
  hearing: event(
    {
      headRole: Type.Optional(Type.Union([...HEAD_ROLES.map((r) => Type.Literal(r)), Type.Null()])),
      headName: Text(50),
      absenceReason: Text(),
      note: Text(),
    },
    (f, p) => {
      if (f.on < f.c.received_on) throw errors.validation('on', `开庭（听证）日期${f.on}不能早于收到副本日期${f.c.received_on}`);
      if (f.c.appealed_on && f.on < f.c.appealed_on) throw errors.validation('on', `二审开庭日期${f.on}不能早于上诉日期${f.c.appealed_on}`);
      const h = { headRole: p.headRole ?? null, headName: str(p.headName) || null, absenceReason: p.headRole ? null : str(p.absenceReason) || null };
      const b = hearingBreaches(f.c.kind, h);
      if (b.length) throw errors.validation(b[0]!.field ?? 'absenceReason', `${b[0]!.message}（${b[0]!.statute}）`);
      return {
        set: {},
        hearing: { held_on: f.on, head_role: h.headRole, head_name: h.headName, absence_reason: h.absenceReason, note: str(p.note) || null },
        note: { heldOn: f.on, head: h.headRole ? `${h.headName}（${h.headRole}）` : null, absenceReason: h.absenceReason },
      };
    },
  ),
  conclude: event({ outcome: Type.String({ maxLength: 20 }), actChanged: Type.Optional(Type.Boolean()), servedOn: Text(10), note: Text() }, (f, p) => {
    const d = outcomeDef(f.c.kind, p.outcome);
    if (!d) throw errors.validation('outcome', `${f.c.kind === '复议' ? '复议决定' : '裁判'}类别应为：${Object.keys(outcomesOf(f.c.kind)).join('、')}`);
    const servedOn = str(p.servedOn) ? assertDate('servedOn', '送达日期', p.servedOn) : null;
    firstOrder({ receivedOn: f.c.received_on, outcomeOn: f.on, servedOn });
    if (f.c.appealed_on && f.on < f.c.appealed_on) throw errors.validation('on', `二审裁判日期${f.on}不能早于上诉日期${f.c.appealed_on}`);
    const changed = p.actChanged === true;
    if (changed && d.counts !== 'if_changed') throw errors.validation('actChanged', `“本局已改变原行为”只适用于调解、撤诉、终止（${d.label}）`);
    return {
      set: {
        outcome: p.outcome,
        outcome_on: f.on,
        outcome_served_on: servedOn,
        outcome_act_changed: changed,
        outcome_note: str(p.note) || null,
        ...(f.c.instance === '二审' ? {} : { appeal_due_on: appealDue(f.c, p.outcome, servedOn, f.calendar) }),
      },
    };
  }),
  serve: event({}, (f) => {
    firstOrder({ receivedOn: f.c.received_on, outcomeOn: f.c.outcome_on, servedOn: f.on });
    return { set: { outcome_served_on: f.on, ...(f.c.instance === '二审' ? {} : { appeal_due_on: appealDue(f.c, f.c.outcome!, f.on, f.calendar) }) } };
  }),
  appeal: event({ appellant: Type.Union(APPELLANTS.map((a) => Type.Literal(a))) }, (f, p) => {
    firstOrder({ receivedOn: f.c.received_on, outcomeOn: f.c.outcome_on, servedOn: f.c.outcome_served_on, appealedOn: f.on });
    return {
      set: {
        instance: '二审',
        first_outcome: f.c.outcome,
        first_outcome_on: f.c.outcome_on,
        first_outcome_served_on: f.c.outcome_served_on,
        outcome: null,
        outcome_on: null,
        outcome_served_on: null,
        outcome_act_changed: false,
        outcome_note: null,
        appealed_on: f.on,
        appellant: p.appellant,
      },
    };
  }),
  rectify: event({ rectification: Type.String({ maxLength: 2000 }) }, (f, p) => {
    if (f.c.outcome_on && f.on < f.c.outcome_on) throw errors.validation('on', `整改日期${f.on}不能早于审结日期${f.c.outcome_on}`);
    return { set: { rectification: requiredText('rectification', '整改落实情况', p.rectification), rectified_on: f.on } };
  }),
  close: event({}, (f) => {
    if (f.c.outcome_on && f.on < f.c.outcome_on) throw errors.validation('on', `结案日期${f.on}不能早于审结日期${f.c.outcome_on}`);
    return { set: { closed_on: f.on } };
  }),
} as const;

export type CaseEventName = keyof typeof CASE_EVENTS;
