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

/** The record page of a demand of any kind. */
export const recordPath = (i: Pick<DemandItem, 'module' | 'id'>) => `/${i.module}/items/${i.id}`;

/** Field names of demand audit events. */
export const DEMAND_FIELD_LABELS: Record<string, string> = {
  ref_no: '编号',
  org_id: '承办单位',
  assignee_id: '承办人',
  status: '状态',
  title: '事项',
  demand_type: '类型',
  channel: '方式/形式',
  due_on: '届满日',
  first_due_on: '签收/受理期限',
  result: '办理结果',
  satisfaction: '满意度',
  reply: '答复内容',
  received_at: '受理时间',
  first_done_at: '签收/受理时间',
  replied_at: '答复时间',
  closed_at: '办结时间',
};

/** Chinese names of the demand lifecycle's audit verbs (server: demands/service.ts PAST). */
export const DEMAND_ACTION_LABELS: Record<string, string> = {
  assigned: '派单',
  signed: '签收',
  returned: '退回',
  paused: '中止计时',
  resumed: '恢复计时',
  extended: '延期',
  replied: '答复',
  closed: '办结',
  evaluated: '评价',
  linked: '关联疑似重复',
  clue_requested: '转执法线索',
  clue_consumed: '线索已接收',
  review_requested: '申请复查/复核',
  review_answered: '复查/复核答复',
  remedy_recorded: '登记复议诉讼',
};
