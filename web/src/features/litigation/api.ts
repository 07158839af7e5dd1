import { api } from '../../api/client';
import type { WorkflowAction } from '../../api/workflow';
import type { RecordClock } from '../../components/RecordClocks';

export const CASE_KINDS = ['复议', '诉讼'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];
export const KIND_LABELS: Record<CaseKind, string> = { 复议: '行政复议', 诉讼: '行政诉讼' };
export const ACT_KINDS = ['行政处罚', '行政许可', '政府信息公开答复', '信访处理意见', '行政检查', '其他'] as const;
export const CLAIMANT_TYPES = ['自然人', '法人', '其他组织'] as const;
export const HEAD_ROLES = ['正职负责人', '副职负责人', '参与分管的其他负责人'] as const;
export const APPELLANTS = ['本局', '对方当事人'] as const;

export type CaseStatus = 'received' | 'replied' | 'heard' | 'concluded' | 'appealed' | 'closed';
export const STATUS_LABELS: Record<CaseStatus, string> = {
  received: '已收案',
  replied: '已答复（答辩）',
  heard: '已开庭（听证）',
  concluded: '已审结',
  appealed: '上诉中',
  closed: '已结案',
};
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

export type CaseEvent = 'reply' | 'hearing' | 'conclude' | 'serve' | 'appeal' | 'rectify' | 'close';
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

/** Chinese names of the fields a case's audit events carry. */
export const CASE_FIELD_LABELS: Record<string, string> = {
  case_no: '案号',
  kind: '案件类别',
  instance: '审级',
  status: '状态',
  claimant_type: '申请人（原告）类型',
  claimant_name: '申请人（原告）',
  claimant_id_no: '身份证号码',
  act_kind: '被申请（被诉）行为类别',
  act_title: '被申请（被诉）行为',
  act_entity: '关联记录类别',
  act_record_id: '关联记录',
  body: '复议机关（审理法院）',
  received_on: '收到副本日期',
  reply_due_on: '答复（答辩）期限',
  reply_filed_on: '答复（答辩）日期',
  outcome: '审结结果',
  outcome_on: '审结日期',
  outcome_served_on: '送达日期',
  outcome_act_changed: '本局已改变原行为',
  outcome_note: '结果说明',
  first_outcome: '一审结果',
  first_outcome_on: '一审审结日期',
  first_outcome_served_on: '一审送达日期',
  appeal_due_on: '上诉期限',
  appealed_on: '上诉日期',
  appellant: '上诉人',
  handler: '承办人',
  agent: '委托代理人',
  rectification: '整改情况',
  rectified_on: '整改日期',
  closed_on: '结案日期',
  org_id: '承办单位',
  heldOn: '开庭（听证）日期',
  head: '出庭负责人',
  absenceReason: '负责人未出庭理由',
  hearingId: '开庭记录',
  held_on: '开庭（听证）日期',
  head_role: '出庭负责人职务',
  head_name: '出庭负责人',
  absence_reason: '负责人未出庭理由',
  note: '备注',
  late: '逾期',
};
