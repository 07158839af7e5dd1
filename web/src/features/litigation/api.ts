import { api } from '../../api/client';
import type { WorkflowAction } from '../../api/workflow';
import type { RecordClock } from '../../components/RecordClocks';
import { type CASE_EVENT_LABELS, CASE_STAGE_LABELS } from '../../../../src/modules/litigation/labels';

export const CASE_KINDS = ['复议', '诉讼'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];
export const KIND_LABELS: Record<CaseKind, string> = { 复议: '行政复议', 诉讼: '行政诉讼' };
export const ACT_KINDS = ['行政处罚', '行政许可', '政府信息公开答复', '信访处理意见', '行政检查', '其他'] as const;
export const CLAIMANT_TYPES = ['自然人', '法人', '其他组织'] as const;
export const HEAD_ROLES = ['正职负责人', '副职负责人', '参与分管的其他负责人'] as const;
export const APPELLANTS = ['本局', '对方当事人'] as const;

export type CaseStatus = keyof typeof CASE_STAGE_LABELS;
export const STATUS_LABELS: Readonly<Record<CaseStatus, string>> = CASE_STAGE_LABELS;
export const STATUS_COLORS: Record<CaseStatus, string> = {
  received: 'blue',
  replied: 'cyan',
  heard: 'geekblue',
  concluded: 'purple',
  appealed: 'orange',
  closed: 'green',
};

/** The case list's routes: `LIT_CASE_LIST` (a page) and `${LIT_CASE_LIST}/export` (the filtered rows, 行政复议行政诉讼案件台账 headers). */
export const LIT_CASE_LIST = '/api/litigation/cases';

export type CaseEvent = keyof typeof CASE_EVENT_LABELS;
export type CaseAction = WorkflowAction<CaseEvent, CaseStatus>;

/** A clock of the case as the server computed and explained it. */
export type Clock = RecordClock;

export interface Hearing {
  id: string;
  instance: string | null;
  heldOn: string;
  headRole: string | null;
  headName: string | null;
  headAppeared: boolean;
  absenceReason: string | null;
  note: string | null;
}

/** 行政复议、行政诉讼案件 (`GET /api/litigation/cases/:id`). */
export interface LitCase {
  id: string;
  orgId: string;
  orgName: string | null;
  caseNo: string;
  kind: CaseKind;
  instance: string | null;
  status: CaseStatus;
  statusLabel: string;
  claimantType: string;
  claimantName: string;
  claimantIdNo: string | null;
  actKind: string;
  actTitle: string;
  actEntity: string | null;
  actRecordId: string | null;
  body: string;
  receivedOn: string;
  replyDueOn: string;
  replyFiledOn: string | null;
  replyOnTime: boolean | null;
  outcome: string | null;
  outcomeLabel: string | null;
  outcomeSource: string | null;
  outcomeOn: string | null;
  outcomeServedOn: string | null;
  outcomeActChanged: boolean;
  outcomeNote: string | null;
  corrected: boolean;
  lost: boolean;
  firstOutcome: string | null;
  firstOutcomeOn: string | null;
  appealDueOn: string | null;
  appealedOn: string | null;
  appellant: string | null;
  handler: string | null;
  agent: string | null;
  rectification: string | null;
  rectifiedOn: string | null;
  closedOn: string | null;
  version: number;
  clocks: Clock[];
  hearings: Hearing[];
  actions: CaseAction[];
}

/** A category of outcome (`GET /api/litigation/outcomes`): whether it counts as 纠错 and its source. */
export interface OutcomeCategory {
  kind: CaseKind;
  value: string;
  label: string;
  form: string;
  counts: string;
  source: string;
}

/** The kinds of act whose record a case can link (the server's `ACT_LOOKUPS`). */
export const LINKABLE_ACT_KINDS: readonly string[] = ['行政处罚', '行政许可', '政府信息公开答复', '信访处理意见', '行政检查'];

/** A record a case may link as the challenged act (`GET /api/litigation/act-records`). */
export interface ActRecord {
  entity: string;
  id: string;
  number: string;
  title: string;
  date: string | null;
}

export const litigationApi = {
  /** The records of a kind of act matching `q` (number, party, matter), in the caller's scope. */
  actRecords: (actKind: string, q: string) =>
    api.get<ActRecord[]>(`/api/litigation/act-records?actKind=${encodeURIComponent(actKind)}&q=${encodeURIComponent(q)}`),
  register: (body: Record<string, unknown>) => api.post<LitCase>('/api/litigation/cases', body),
  step: (id: string, event: CaseEvent, body: Record<string, unknown>) => api.post<LitCase>(`/api/litigation/cases/${id}/${event}`, body),
};
