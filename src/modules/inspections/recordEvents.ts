/**
 * 行政检查记录环节 — each event of the `inspections.record` workflow as its own small command: a
 * closed TypeBox input (the route's body) and a pure `apply(facts, input)` holding that event's
 * rules and returning the changes. The shared part (record loaded in scope, version, transition,
 * write, audit, the tracked 整改期限) runs once in `applyRecordEvent` (records.ts).
 */
import { type Static, type TObject, type TProperties, Type } from '@fastify/type-provider-typebox';
import type { Updateable } from 'kysely';
import { IsoDate } from '../../core/input.js';
import { errors } from '../../core/errors.js';
import { OptText, OptUuid } from '../../core/schemas.js';
import { closed, day, opt } from './events.js';
import type { InspectionTables } from './schema.js';
import type { RecordEvent } from './workflow.js';

const VERSION = { version: Type.Integer() };

/** What a record event's `apply` reads: the record as stored and the links the shared part checked. */
export interface RecordEventFacts {
  r: { inspected_on: string; follow_up: string; clue_id: string | null; case_id: string | null };
}
export interface RecordChanges {
  set: Updateable<InspectionTables['insp_record']>;
}
export interface RecordEventCommand<P extends TProperties = TProperties> {
  input: TObject<P & typeof VERSION>;
  apply(f: RecordEventFacts, input: Static<TObject<P & typeof VERSION>>): RecordChanges;
}
function recordEvent<P extends TProperties>(fields: P, apply: RecordEventCommand<P>['apply']): RecordEventCommand<P> {
  return { input: closed({ ...fields, ...VERSION }), apply };
}

const notBefore = (field: string, v: string, inspectedOn: string, label: string) => {
  if (v < inspectedOn) throw errors.validation(field, `${label}不能早于检查日期`);
  return v;
};

/** The link a follow-up needs: a clue for 移送线索, a case for 立案. */
export function linkProblem(followUp: string, link: { clueId: string | null; caseId: string | null }): { field: string; message: string } | null {
  if (followUp === '移送线索' && !link.clueId) return { field: 'clueId', message: '移送线索的，请关联移送的线索' };
  if (followUp === '立案' && !link.caseId) return { field: 'caseId', message: '立案查处的，请关联立案的案件' };
  return null;
}

/** Every event of the record workflow: its input and what it changes. */
export const RECORD_EVENT_COMMANDS = {
  /** 责令整改 — a deadline not before the inspection; the 整改期限 is tracked from the inspection. */
  order: recordEvent({ rectifyDueOn: IsoDate, note: OptText(2000) }, (f, i) => {
    const due = notBefore('rectifyDueOn', day('rectifyDueOn', i.rectifyDueOn, '整改期限'), f.r.inspected_on, '整改期限');
    return { set: { follow_up: '责令整改', rectify_due_on: due, rectify_note: opt(i.note) } };
  }),
  /** 整改完成 — the rectification checked on a date (not before the inspection); the record is closed that day. */
  rectified: recordEvent({ rectifiedOn: IsoDate, note: OptText(2000) }, (f, i) => {
    const on = notBefore('rectifiedOn', day('rectifiedOn', i.rectifiedOn, '整改完成日期'), f.r.inspected_on, '整改完成日期');
    return { set: { rectified_on: on, rectify_note: opt(i.note), closed_on: on } };
  }),
  /** 整改未完成 — the party did not rectify: the clue handed over or the case filed, linked (then 办结). */
  escalate: recordEvent(
    { followUp: Type.Union([Type.Literal('移送线索'), Type.Literal('立案')]), clueId: OptUuid(), caseId: OptUuid(), note: OptText(2000) },
    (_f, i) => {
      const link = { clueId: i.clueId ?? null, caseId: i.caseId ?? null };
      const p = linkProblem(i.followUp, link);
      if (p) throw errors.validation(p.field, p.message);
      return { set: { follow_up: i.followUp, clue_id: link.clueId, case_id: link.caseId, rectify_note: opt(i.note) } };
    },
  ),
  /** 办结 — on a date; a clue or case the follow-up names must be linked (given now or before). */
  close: recordEvent({ closedOn: IsoDate, clueId: OptUuid(), caseId: OptUuid() }, (f, i) => {
    const on = notBefore('closedOn', day('closedOn', i.closedOn, '办结日期'), f.r.inspected_on, '办结日期');
    const link = { clueId: i.clueId ?? f.r.clue_id, caseId: i.caseId ?? f.r.case_id };
    const p = linkProblem(f.r.follow_up, link);
    if (p) throw errors.validation(p.field, p.message);
    return { set: { closed_on: on, clue_id: link.clueId, case_id: link.caseId } };
  }),
} satisfies Record<RecordEvent, RecordEventCommand<TProperties>>;

export function recordEventCommand(event: RecordEvent): RecordEventCommand<TProperties> {
  return RECORD_EVENT_COMMANDS[event] as unknown as RecordEventCommand<TProperties>;
}
