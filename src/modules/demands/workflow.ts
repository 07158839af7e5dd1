/**
 * 办理流程 — the lifecycle every demand shares, declared on the kernel's workflow engine
 * (`src/core/workflow`): one workflow per demand kind, keyed by the kind's entity
 * (`hotline.order` …), built by {@link demandWorkflow} from the kind's `steps` (which switch
 * the sign, return, pause and extend events on or off and name the steps in the module's
 * words). Each kind module lists its workflow in its own manifest (`workflows`); the
 * matrix prints with `fazhi workflow hotline.order`.
 *
 * received 待分派 ─assign→ assigned 待签收 ─sign→ handling 办理中 ─reply→ replied 已答复 ─close→ closed 已办结
 *                   (no sign step: assign → handling)      ⇅ pause/resume         evaluate on replied/closed
 * return 退回: assigned/handling → received (keeps the history); assign again = 重新派单.
 *
 * The row is `*`: anyone holding the kind's write permission (the route checks it). The
 * record page lists every event of the kind at every stage — those the matrix does not
 * list at the record's stage come disabled, with the reason they are not possible now.
 */
import {
  actionsFor,
  defineWorkflow,
  requireTransition,
  transitionFor,
  type Transition,
  type WorkflowAction,
  type WorkflowDef,
} from '../../core/workflow/index.js';
import { errors } from '../../core/errors.js';
import type { DemandStatus } from './schema.js';

export type DemandAction = 'assign' | 'sign' | 'return' | 'pause' | 'resume' | 'extend' | 'reply' | 'close' | 'evaluate';

export const ACTIONS: readonly DemandAction[] = ['assign', 'sign', 'return', 'pause', 'resume', 'extend', 'reply', 'close', 'evaluate'];

export const STATUS_LABELS: Record<DemandStatus, string> = {
  received: '待分派',
  assigned: '待签收',
  handling: '办理中',
  paused: '中止计时',
  replied: '已答复',
  closed: '已办结',
};

/** What a module's lifecycle includes and how it names the steps. */
export interface WorkflowSteps {
  /** A sign/accept step between assignment and handling (12345 签收, 信访 受理). */
  sign: { label: string } | null;
  /** Whether the clock may be paused (中止计时). */
  pause: boolean;
  /** Whether extensions may be requested. */
  extend: boolean;
  /** Whether the unit may return an item to the dispatcher (12345 退回). */
  return: boolean;
  /** Labels of reply and close in the module's words. */
  replyLabel: string;
  closeLabel: string;
  evaluateLabel: string;
}

/** The facts the guards read (from the record row). */
export interface DemandFlowFacts {
  satisfaction: string | null;
}

/** What a demand kind tells the factory: its entity (the workflow's key), label and steps. */
export interface DemandFlowKind {
  entity: string;
  label: string;
  steps: WorkflowSteps;
}

export type DemandWorkflow = WorkflowDef<DemandStatus, DemandAction, DemandFlowFacts, never>;

export const demandGuards = {
  /** 回访评价 once: a second evaluation would overwrite the first. */
  notEvaluated: (f: DemandFlowFacts) => (f.satisfaction ? ['已评价，不能重复评价'] : []),
} as const;

const GUARD_LABELS: Record<keyof typeof demandGuards, string> = { notEvaluated: '尚未评价' };

/** Why an event is not possible at a stage the matrix does not list it at. */
const NOT_NOW: Record<DemandAction, string> = {
  assign: '已答复或办结的事项不能再派单',
  sign: '只有待签收的事项可以签收',
  return: '只有待签收或办理中的事项可以退回',
  pause: '只有办理中的事项可以中止计时',
  resume: '事项没有中止计时',
  extend: '只有办理中的事项可以延长期限',
  reply: '只有办理中的事项可以答复（中止计时的请先恢复）',
  close: '答复后才能办结',
  evaluate: '答复后才能评价',
};

/** Why an event the kind's steps switch off is refused (at a stage where the full lifecycle has it). */
const STEP_OFF: Partial<Record<DemandAction, string>> = {
  sign: '本类事项无需签收',
  return: '本类事项不能退回',
  pause: '本类事项不能中止计时',
  extend: '本类事项不能延长期限',
};

/** The full lifecycle: where each event may happen, and where it leads (absent: the stage stays). */
const LIFECYCLE: Record<DemandAction, { from: readonly DemandStatus[]; to?: (s: WorkflowSteps) => DemandStatus }> = {
  assign: { from: ['received', 'assigned', 'handling'], to: (s) => (s.sign ? 'assigned' : 'handling') },
  sign: { from: ['assigned'], to: () => 'handling' },
  return: { from: ['assigned', 'handling'], to: () => 'received' },
  pause: { from: ['handling'], to: () => 'paused' },
  resume: { from: ['paused'], to: () => 'handling' },
  extend: { from: ['handling', 'paused'] },
  reply: { from: ['handling'], to: () => 'replied' },
  close: { from: ['replied'], to: () => 'closed' },
  evaluate: { from: ['replied', 'closed'] },
};

/** Whether the kind's steps include an event. */
function stepOn(e: DemandAction, s: WorkflowSteps): boolean {
  if (e === 'sign') return !!s.sign;
  if (e === 'pause' || e === 'resume') return s.pause;
  if (e === 'extend') return s.extend;
  if (e === 'return') return s.return;
  return true;
}

/** The label of an action in the module's words. */
export function actionLabel(action: DemandAction, steps: WorkflowSteps): string {
  switch (action) {
    case 'assign':
      return '派单';
    case 'sign':
      return steps.sign?.label ?? '签收';
    case 'return':
      return '退回';
    case 'pause':
      return '中止计时';
    case 'resume':
      return '恢复计时';
    case 'extend':
      return '申请延期';
    case 'reply':
      return steps.replyLabel;
    case 'close':
      return steps.closeLabel;
    case 'evaluate':
      return steps.evaluateLabel;
  }
}

const built = new WeakMap<DemandFlowKind, DemandWorkflow>();

/**
 * The workflow of a demand kind (one object per kind: the manifest lists it, the service
 * enforces it): the stages its steps reach, the events its steps switch on, named in its words.
 */
export function demandWorkflow(kind: DemandFlowKind): DemandWorkflow {
  const cached = built.get(kind);
  if (cached) return cached;
  const s = kind.steps;
  const events = ACTIONS.filter((e) => stepOn(e, s));
  const stages = (Object.keys(STATUS_LABELS) as DemandStatus[]).filter((st) => (st !== 'assigned' || s.sign) && (st !== 'paused' || s.pause));
  const byStage: Partial<Record<DemandStatus, Partial<Record<DemandAction, Transition<DemandStatus, DemandFlowFacts, never>>>>> = {};
  for (const st of stages)
    for (const e of events) {
      const l = LIFECYCLE[e];
      if (!l.from.includes(st)) continue;
      const t: Transition<DemandStatus, DemandFlowFacts, never> = {
        ...(l.to ? { to: l.to(s) } : {}),
        ...(e === 'evaluate' ? { if: [demandGuards.notEvaluated] } : {}),
      };
      byStage[st] = { ...byStage[st], [e]: t };
    }
  const wf = defineWorkflow<DemandStatus, DemandAction, DemandFlowFacts>({
    key: kind.entity,
    label: kind.label,
    stages: Object.fromEntries(stages.map((st) => [st, STATUS_LABELS[st]])) as Record<DemandStatus, string>,
    events: Object.fromEntries(events.map((e) => [e, actionLabel(e, s)])) as Record<DemandAction, string>,
    initial: 'received',
    guards: demandGuards,
    guardLabels: GUARD_LABELS,
    whoLabels: { '*': `${kind.label}办理人员` },
    matrix: { '*': byStage },
  });
  built.set(kind, wf);
  return wf;
}

/** Why an event the matrix does not list at a stage is not possible there. */
function notListed(wf: DemandWorkflow, stage: DemandStatus, event: DemandAction): string {
  if (!Object.hasOwn(wf.events, event)) {
    if (event === 'sign') return STEP_OFF.sign as string;
    if (LIFECYCLE[event].from.includes(stage)) return STEP_OFF[event] ?? NOT_NOW[event];
  }
  return NOT_NOW[event];
}

/**
 * Every event of the kind with whether it is allowed at the record's stage and why not, in the
 * engine's one shape (`{ event, label, allowed, reasons, to }`): the engine's actions for the
 * stage, and the kind's other events disabled with the reason they are not possible now.
 */
export function demandActions(wf: DemandWorkflow, stage: DemandStatus, facts: DemandFlowFacts): WorkflowAction<DemandAction, DemandStatus>[] {
  const listed = new Map(actionsFor(wf, ['*'], stage, facts).map((a) => [a.event, a]));
  return (Object.keys(wf.events) as DemandAction[]).map(
    (event) => listed.get(event) ?? { event, label: wf.events[event], allowed: false, reasons: [notListed(wf, stage, event)], to: null },
  );
}

/** The transition an event takes now, or the 422 `ACTION_NOT_ALLOWED` naming why not. */
export function requireDemandTransition(
  wf: DemandWorkflow,
  stage: DemandStatus,
  event: DemandAction,
  facts: DemandFlowFacts,
): Transition<DemandStatus, DemandFlowFacts, never> {
  if (!transitionFor(wf, ['*'], stage, event)) throw errors.gate('ACTION_NOT_ALLOWED', notListed(wf, stage, event));
  return requireTransition(wf, ['*'], { stage, event, facts, code: 'ACTION_NOT_ALLOWED' });
}
