/**
 * 双随机、一公开 lifecycles on the kernel's workflow engine. A plan (抽查计划) is drawn once
 * (摇号, recorded with its seed and algorithm; 国办发〔2015〕58号); each drawn entity becomes a
 * task (抽查任务) whose result is recorded and then published within 20 working days
 * (国办发〔2019〕5号). Neither table has a status column: the stage is derived from the record
 * (`planStage`, `taskStage`). Rows are `*`: for a plan anyone holding `inspections.manage`,
 * for a task anyone holding `inspections.write` (the route checks the permission). Printable
 * with `fazhi workflow inspections.plan` / `fazhi workflow inspections.task`.
 */
import type { Actor } from '../../core/context.js';
import { actionsFor, defineWorkflow, requireTransition, type WorkflowAction } from '../../core/workflow/index.js';

// ── Plans ──

export const PLAN_STAGES = { draft: '未抽取', drawn: '已抽取' } as const;
export type PlanStage = keyof typeof PLAN_STAGES;
export const PLAN_EVENTS = { draw: '随机抽取' } as const;
export type PlanEvent = keyof typeof PLAN_EVENTS;

export const planWorkflow = defineWorkflow<PlanStage, PlanEvent, Record<string, never>>({
  key: 'inspections.plan',
  label: '双随机抽查计划',
  stages: PLAN_STAGES,
  events: PLAN_EVENTS,
  initial: 'draft',
  guards: {},
  whoLabels: { '*': '抽查计划管理人员' },
  matrix: { '*': { draft: { draw: { to: 'drawn' } } } },
});

/** A plan is drawn once it has a draw record. */
export const planStage = (p: { draw_id?: string | null }): PlanStage => (p.draw_id ? 'drawn' : 'draft');
/** `*` for an actor holding `inspections.manage`. */
export const planWho = (actor: Pick<Actor, 'permissions'>): string[] => (actor.permissions.has('inspections.manage') ? ['*'] : []);
export type PlanActionView = WorkflowAction<PlanEvent, PlanStage>;
export const planActions = (stage: PlanStage, who: readonly string[]): PlanActionView[] => actionsFor(planWorkflow, who, stage, {});
/** 摇号 now, or the 422 `ALREADY_DRAWN`: a plan is drawn once (its draw can be verified, never redone). */
export const requireDraw = (stage: PlanStage, who: readonly string[]) =>
  requireTransition(planWorkflow, who, { stage, event: 'draw', facts: {}, code: 'ALREADY_DRAWN' });

// ── Tasks ──

export const TASK_STAGES = { pending: '待检查', inspected: '已检查（待公示）', published: '已公示' } as const;
export type TaskStage = keyof typeof TASK_STAGES;
export const TASK_EVENTS = { result: '登记检查结果', publish: '公示检查结果' } as const;
export type TaskEvent = keyof typeof TASK_EVENTS;

export const taskWorkflow = defineWorkflow<TaskStage, TaskEvent, Record<string, never>>({
  key: 'inspections.task',
  label: '双随机抽查任务',
  stages: TASK_STAGES,
  events: TASK_EVENTS,
  initial: 'pending',
  guards: {},
  whoLabels: { '*': '执法检查人员' },
  matrix: {
    '*': {
      pending: { result: { to: 'inspected' } },
      inspected: { publish: { to: 'published' } },
    },
  },
});

export const taskStage = (t: { inspected_on: string | null; published_on: string | null }): TaskStage =>
  t.published_on ? 'published' : t.inspected_on ? 'inspected' : 'pending';
/** `*` for an actor holding `inspections.write`. */
export const taskWho = (actor: Pick<Actor, 'permissions'>): string[] => (actor.permissions.has('inspections.write') ? ['*'] : []);
export type TaskActionView = WorkflowAction<TaskEvent, TaskStage>;
export const taskActions = (stage: TaskStage, who: readonly string[]): TaskActionView[] => actionsFor(taskWorkflow, who, stage, {});

/** The refusal code of an event not possible at a stage (as the steps answered before the engine). */
const TASK_REFUSALS: Record<TaskEvent, Partial<Record<TaskStage, string>>> = {
  result: { inspected: 'ALREADY_RECORDED', published: 'ALREADY_RECORDED' },
  publish: { pending: 'RESULT_REQUIRED', published: 'ALREADY_PUBLISHED' },
};

/** The step now, or the 422 naming why not (`ALREADY_RECORDED`, `RESULT_REQUIRED`, `ALREADY_PUBLISHED`). */
export function requireTaskStep(stage: TaskStage, event: TaskEvent, who: readonly string[]) {
  return requireTransition(taskWorkflow, who, { stage, event, facts: {}, code: TASK_REFUSALS[event][stage] });
}

// ── Inspection records (行政检查记录) ──

/**
 * 行政检查记录 — registered once the inspection is made (findings and follow-up known): 已检查
 * (a record registered with 无问题 is closed at once, one registered with 责令整改 is ordered at once);
 * 责令整改 puts it 整改中 until the rectification is checked (整改完成 → 已办结) or escalated
 * (整改逾期未改：移送线索或立案 → 已检查); 已检查 records are closed (办结) once a clue or case
 * the follow-up names is linked. The stage is derived from the record (`recordStage`).
 */
export const RECORD_STAGES = { done: '已检查', rectifying: '整改中', closed: '已办结' } as const;
export type RecordStage = keyof typeof RECORD_STAGES;
export const RECORD_EVENTS = { order: '责令整改', rectified: '整改完成', escalate: '整改未完成转处理', close: '办结' } as const;
export type RecordEvent = keyof typeof RECORD_EVENTS;

export const recordWorkflow = defineWorkflow<RecordStage, RecordEvent, Record<string, never>>({
  key: 'inspections.record',
  label: '行政检查记录',
  stages: RECORD_STAGES,
  events: RECORD_EVENTS,
  initial: 'done',
  guards: {},
  whoLabels: { '*': '执法检查人员' },
  matrix: {
    '*': {
      rectifying: { rectified: { to: 'closed' }, escalate: { to: 'done' } },
      done: { order: { to: 'rectifying' }, close: { to: 'closed' } },
    },
  },
});

export const recordStage = (r: { follow_up: string; rectified_on: string | null; closed_on: string | null }): RecordStage =>
  r.closed_on ? 'closed' : r.follow_up === '责令整改' && !r.rectified_on ? 'rectifying' : 'done';
/** `*` for an actor holding `inspections.write`. */
export const recordWho = taskWho;
export type RecordActionView = WorkflowAction<RecordEvent, RecordStage>;
export const recordActions = (stage: RecordStage, who: readonly string[]): RecordActionView[] => actionsFor(recordWorkflow, who, stage, {});
const RECORD_REFUSALS: Record<RecordEvent, string> = { order: 'NOT_OPEN', rectified: 'NOT_RECTIFYING', escalate: 'NOT_RECTIFYING', close: 'NOT_CLOSABLE' };
/** The step now, or the 422 naming why not (`NOT_OPEN`, `NOT_RECTIFYING`, `NOT_CLOSABLE`). */
export function requireRecordStep(stage: RecordStage, event: RecordEvent, who: readonly string[]) {
  return requireTransition(recordWorkflow, who, { stage, event, facts: {}, code: RECORD_REFUSALS[event] });
}
