import type { DeadlineExplanation } from '../../api/types';

/** The clock status of a demand: the kernel's, plus 中止计时. */
export type ClockStatus = 'ok' | 'due_soon' | 'overdue' | 'done' | 'paused';

/** A demand as lists show it (phones masked by the server). */
export interface DemandItem {
  id: string;
  kind: 'hotline' | 'petition' | 'proposal' | 'disclosure';
  module: string;
  entity: string;
  kindLabel: string;
  refNo: string;
  title: string;
  demandType: string | null;
  channel: string | null;
  orgId: string;
  orgName: string;
  assigneeId: string | null;
  assigneeName: string | null;
  status: string;
  statusLabel: string;
  receivedAt: string;
  firstDueOn: string | null;
  firstDoneAt: string | null;
  dueOn: string;
  clockStatus: ClockStatus;
  repliedAt: string | null;
  closedAt: string | null;
  result: string | null;
  satisfaction: string | null;
  personName: string | null;
  personPhone: string | null;
  location: string | null;
  version: number;
}

/** A demand action in the workflow engine's one shape (as a case's): allowed or not, and why not. */
export interface DemandAction {
  event: 'assign' | 'sign' | 'return' | 'pause' | 'resume' | 'extend' | 'reply' | 'close' | 'evaluate';
  label: string;
  allowed: boolean;
  reasons: string[];
  /** The status it leads to (null: the status does not change). */
  to: string | null;
}

/** A demand's record page. */
export interface DemandRecord extends DemandItem {
  content: string;
  personIdNo: string | null;
  personalMasked: boolean;
  reply: string | null;
  evaluatedAt: string | null;
  attrs: Record<string, unknown>;
  clock: {
    rule: { label: string; unit: string; n: number; source: string };
    start: string;
    pauses: Array<{ from: string; to: string; reason: string }>;
    extensions: Array<{ n: number; unit?: string; approvedOn: string; approvedBy: string; reason: string }>;
    restartOn: string | null;
    pausedSince: string | null;
    pauseReason: string | null;
    explanation: DeadlineExplanation;
    extensionCap: { n: number; unit: string; source: string } | null;
  };
  options: { pauseReasons: string[]; restartReasons: string[]; satisfactionValues: string[]; results: string[] | null };
  actions: DemandAction[];
  links: Array<{ id: string; kind: string; refNo: string; receivedAt: string; title: string; reason: string; direction: 'earlier' | 'later' }>;
}

export const CLOCK_LOOK: Record<ClockStatus, { label: string; color: string }> = {
  ok: { label: '期限内', color: 'blue' },
  due_soon: { label: '即将到期', color: 'orange' },
  overdue: { label: '已逾期', color: 'red' },
  done: { label: '已办结', color: 'default' },
  paused: { label: '中止计时', color: 'purple' },
};

export { DEMAND_FIELD_LABELS } from '../../../../src/modules/demands/labels';

/** The record page of a demand of any kind. */
export const recordPath = (i: Pick<DemandItem, 'module' | 'id'>) => `/${i.module}/items/${i.id}`;
