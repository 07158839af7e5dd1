/**
 * 办理流程 — the lifecycle every demand shares, as data: state × action → next
 * state, with a guard that says why an action is not allowed. Each module
 * switches steps on or off (`steps`) and names them in its own words.
 *
 * received 待分派 ─assign→ assigned 待签收 ─sign→ handling 办理中 ─reply→ replied 已答复 ─close→ closed 已办结
 *                   (no sign step: assign → handling)      ⇅ pause/resume         evaluate on replied/closed
 * return 退回: assigned/handling → received (keeps the history); assign again = 重新派单.
 */
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

/** The facts the guards look at. */
export interface WorkflowItem {
  status: DemandStatus;
  satisfaction: string | null;
}

interface Transition {
  from: readonly DemandStatus[];
  /** The next state; 'same' keeps it. */
  to: DemandStatus | 'same' | ((steps: WorkflowSteps) => DemandStatus);
  /** Extra guard: a reason the action is not allowed, or null. */
  guard?: (item: WorkflowItem, steps: WorkflowSteps) => string | null;
}

export const TRANSITIONS = {
  assign: { from: ['received', 'assigned', 'handling'], to: (s) => (s.sign ? 'assigned' : 'handling') },
  sign: { from: ['assigned'], to: 'handling', guard: (_i, s) => (s.sign ? null : '本类事项无需签收') },
  return: { from: ['assigned', 'handling'], to: 'received', guard: (_i, s) => (s.return ? null : '本类事项不能退回') },
  pause: { from: ['handling'], to: 'paused', guard: (_i, s) => (s.pause ? null : '本类事项不能中止计时') },
  resume: { from: ['paused'], to: 'handling' },
  extend: { from: ['handling', 'paused'], to: 'same', guard: (_i, s) => (s.extend ? null : '本类事项不能延长期限') },
  reply: { from: ['handling'], to: 'replied' },
  close: { from: ['replied'], to: 'closed' },
  evaluate: { from: ['replied', 'closed'], to: 'same', guard: (i) => (i.satisfaction ? '已评价，不能重复评价' : null) },
} as const satisfies Record<DemandAction, Transition>;

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

/** Why `action` is not allowed on `item` now, or null when it is. */
export function actionProblem(action: DemandAction, item: WorkflowItem, steps: WorkflowSteps): string | null {
  const t: Transition = TRANSITIONS[action];
  if (!(t.from as readonly string[]).includes(item.status)) {
    if (action === 'sign' && !steps.sign) return '本类事项无需签收';
    return NOT_NOW[action];
  }
  return t.guard ? t.guard(item, steps) : null;
}

/** The state after `action` (call only when {@link actionProblem} is null). */
export function nextStatus(action: DemandAction, item: WorkflowItem, steps: WorkflowSteps): DemandStatus {
  const t: Transition = TRANSITIONS[action];
  if (t.to === 'same') return item.status;
  return typeof t.to === 'function' ? t.to(steps) : t.to;
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

/** Every action with whether it is allowed now and why not (the UI shows both). */
export function availableActions(
  item: WorkflowItem,
  steps: WorkflowSteps,
): Array<{ action: DemandAction; label: string; allowed: boolean; reason: string | null }> {
  return ACTIONS.filter((a) =>
    a === 'sign' ? !!steps.sign : a === 'pause' || a === 'resume' ? steps.pause : a === 'extend' ? steps.extend : a === 'return' ? steps.return : true,
  ).map((action) => {
    const reason = actionProblem(action, item, steps);
    return { action, label: actionLabel(action, steps), allowed: reason === null, reason };
  });
}
