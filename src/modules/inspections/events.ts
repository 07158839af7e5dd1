/**
 * 双随机、一公开环节 — each event of the `inspections.task` and `inspections.plan` workflows as
 * its own small command: the TypeBox schema of its input (nothing beyond the fields listed; the
 * route validates the body with it) and a pure `apply(facts, input)` holding that event's rules
 * and returning the changes. What every event shares — the record loaded in scope, the
 * workflow's transition, the write and its audit, the tracked publication term — runs once, in
 * `applyTaskEvent` / `applyPlanEvent` (commands.ts).
 */
import { type Static, type TObject, type TProperties, Type } from '@fastify/type-provider-typebox';
import type { Updateable } from 'kysely';
import type { WorkCalendar } from '../../core/calendar/calendar.js';
import { check, IsoDate } from '../../core/input.js';
import { computeDeadline } from '../../core/calendar/deadline.js';
import { errors } from '../../core/errors.js';
import { OptText } from '../../core/schemas.js';
import { type DrawInput, type DrawResult, runDraw } from './draw.js';
import type { PlanRow, TaskRow } from './repository.js';
import { PUBLICATION_RULE } from './rules.js';
import { type InspectionTables, RESULTS } from './schema.js';
import type { PlanEvent, TaskEvent } from './workflow.js';

/** A closed body: the fields listed, nothing else. */
export const closed = <P extends TProperties>(fields: P) => Type.Object(fields, { additionalProperties: false });

/** A real YYYY-MM-DD day (2023-02-30 is refused), or a 400 naming the field: the kernel's date check. */
export const day = (field: string, v: unknown, label: string): string => check.date(field, label, v, { required: true }) as string;
/** Trimmed text, or null when empty. */
export const opt = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);

// ── Tasks (抽查任务): the result, then its publication ──

/** What a task event's `apply` reads: the task as loaded and the calendar. */
export interface TaskEventFacts {
  t: TaskRow;
  calendar: WorkCalendar;
}
export interface TaskChanges {
  set: Updateable<InspectionTables['insp_task']>;
}
const VERSION = { version: Type.Integer() };
export interface TaskEventCommand<P extends TProperties = TProperties> {
  /** The body the route accepts: the version read and the event's own fields. */
  input: TObject<P & typeof VERSION>;
  apply(f: TaskEventFacts, input: Static<TObject<P & typeof VERSION>>): TaskChanges;
}
function taskEvent<P extends TProperties>(fields: P, apply: TaskEventCommand<P>['apply']): TaskEventCommand<P> {
  return { input: closed({ ...fields, ...VERSION }), apply };
}

/** Results that need no account of the problems found. */
const NO_PROBLEM: readonly string[] = ['未发现问题', '未找到检查对象'];

/** Every event of the task workflow: its input and what it changes. */
export const TASK_EVENT_COMMANDS = {
  /** 检查结果 — one of RESULTS, the problems and their handling when any were found; starts the 20-working-day publication term. */
  result: taskEvent({ inspectedOn: IsoDate, result: Type.String({ maxLength: 50 }), problems: OptText(4000) }, (f, i) => {
    const inspectedOn = day('inspectedOn', i.inspectedOn, '检查日期');
    if (!(RESULTS as readonly string[]).includes(i.result)) throw errors.validation('result', `检查结果应为：${RESULTS.join('、')}`);
    const problems = opt(i.problems);
    if (!NO_PROBLEM.includes(i.result) && !problems) throw errors.validation('problems', '发现问题的，请填写问题及处理情况');
    return {
      set: {
        inspected_on: inspectedOn,
        result: i.result as (typeof RESULTS)[number],
        problems,
        publish_due_on: computeDeadline({ rule: PUBLICATION_RULE, start: inspectedOn }, f.calendar).due,
      },
    };
  }),
  /** 一公开 — the result's publication date, not before the inspection (on time when within 20 working days). */
  publish: taskEvent({ publishedOn: IsoDate }, (f, i) => {
    const publishedOn = day('publishedOn', i.publishedOn, '公示日期');
    if (f.t.inspected_on && publishedOn < f.t.inspected_on) throw errors.validation('publishedOn', '公示日期不能早于检查日期');
    return { set: { published_on: publishedOn } };
  }),
} satisfies Record<TaskEvent, TaskEventCommand<TProperties>>;

/** A task event's command, typed loosely for the shared part (the route validated the input with its schema). */
export function taskEventCommand(event: TaskEvent): TaskEventCommand<TProperties> {
  return TASK_EVENT_COMMANDS[event] as unknown as TaskEventCommand<TProperties>;
}

// ── Plans (抽查计划): the draw ──

type Register = ReadonlyArray<{ id: string; code: string; active: boolean }>;

/** What a plan event's `apply` reads: the plan, the registers in scope, and a fresh seed should none be given. */
export interface PlanEventFacts {
  plan: Pick<PlanRow, 'ratio_bp' | 'per_entity' | 'entity_kind'>;
  /** The entity register's entries of the plan's item kind. */
  entities: Register;
  inspectors: Register;
  conflicts: ReadonlyArray<{ inspector_id: string; entity_id: string }>;
  /** A random seed the shared part drew, used when the input gives none. */
  freshSeed: string;
}
/** What the draw records: its seed, date, input snapshot and result (one task per pick). */
export interface DrawChanges {
  draw: { seed: string; drawn_on: string; input: DrawInput; result: DrawResult };
}
export interface PlanEventCommand<P extends TProperties = TProperties> {
  input: TObject<P>;
  apply(f: PlanEventFacts, input: Static<TObject<P>>): DrawChanges;
}
function planEvent<P extends TProperties>(fields: P, apply: PlanEventCommand<P>['apply']): PlanEventCommand<P> {
  return { input: closed(fields), apply };
}

const activeOnly = (r: Register) => r.filter((x) => x.active).map((x) => ({ id: x.id, code: x.code }));

/** Every event of the plan workflow: its input and what it changes. */
export const PLAN_EVENT_COMMANDS = {
  /**
   * 摇号 — entities of the item's kind and at least two inspectors each from the active registers,
   * conflicts excluded; the seed (given, e.g. announced beforehand, or drawn) and the snapshot
   * are recorded so anyone can re-run it (国办发〔2015〕58号).
   */
  draw: planEvent({ seed: OptText(100), drawnOn: IsoDate }, (f, i) => {
    const drawnOn = day('drawnOn', i.drawnOn, '抽取日期');
    const entities = activeOnly(f.entities);
    if (!entities.length) throw errors.gate('NO_ENTITIES', `检查对象名录中没有类别为“${f.plan.entity_kind}”的对象`);
    const input: DrawInput = {
      seed: opt(i.seed) ?? f.freshSeed,
      ratioBp: f.plan.ratio_bp,
      perEntity: f.plan.per_entity,
      entities,
      inspectors: activeOnly(f.inspectors),
      conflicts: f.conflicts.map((c) => ({ inspectorId: c.inspector_id, entityId: c.entity_id })),
    };
    return { draw: { seed: input.seed, drawn_on: drawnOn, input, result: runDraw(input) } };
  }),
} satisfies Record<PlanEvent, PlanEventCommand<TProperties>>;
