import { api } from '../../api/client';
import type { WorkflowAction } from '../../api/workflow';
import type { RecordClock } from '../../components/RecordClocks';

export const CATEGORIES = ['重大公共政策和措施', '重要规划', '自然资源和文化资源开发利用保护', '重大公共建设项目', '其他重大事项'] as const;
export const PARTICIPATION_METHODS = ['向社会公开征求意见', '座谈会', '听证会', '实地走访', '书面征求意见', '问卷调查', '民意调查'] as const;
export const RISK_LEVELS = ['低风险', '中风险', '高风险'] as const;

export type DecisionStatus = 'drafting' | 'in_review' | 'reviewed' | 'made' | 'published' | 'archived' | 'rejected';
/** The decision list's routes: `DECISION_LIST` (a page) and `${DECISION_LIST}/export` (the filtered rows, 重大行政决策台账 headers). */
export const DECISION_LIST = '/api/decisions';

export const STATUS_LABELS: Record<DecisionStatus, string> = {
  drafting: '拟定草案',
  in_review: '合法性审查中',
  reviewed: '待集体讨论',
  made: '已作出决定',
  published: '已公布',
  archived: '已归档',
  rejected: '决定不予实施',
};
export const STATUS_COLORS: Record<DecisionStatus, string> = {
  drafting: 'blue',
  in_review: 'cyan',
  reviewed: 'geekblue',
  made: 'purple',
  published: 'green',
  archived: 'default',
  rejected: 'red',
};

export type DecisionEvent =
  | 'scope'
  | 'consult'
  | 'participation'
  | 'expert'
  | 'risk'
  | 'submit_review'
  | 'review_pass'
  | 'review_fail'
  | 'decide'
  | 'defer'
  | 'reject'
  | 'publish'
  | 'evaluate'
  | 'archive';
export type DecisionAction = WorkflowAction<DecisionEvent, DecisionStatus>;

export type Clock = RecordClock;

export interface StepView {
  key: string;
  label: string;
  required: boolean;
  naReason: string | null;
  done: boolean;
  on: string | null;
  source: string;
  fields: Array<{ label: string; value: string }>;
}

/** 重大行政决策 (`GET /api/decisions/:id`). */
export interface Decision {
  id: string;
  orgId: string;
  orgName: string | null;
  year: number;
  title: string;
  catalogueItemId: string | null;
  catalogueTitle: string | null;
  catalogueSeq: number | null;
  summary: string | null;
  leader: string | null;
  handler: string | null;
  status: DecisionStatus;
  statusLabel: string;
  madeOn: string | null;
  participationOn: string | null;
  expertOn: string | null;
  riskOn: string | null;
  reviewResult: string | null;
  reviewOn: string | null;
  discussionOn: string | null;
  discussionResult: string | null;
  publicationOn: string | null;
  evaluationOn: string | null;
  archivedOn: string | null;
  participationFrom: string | null;
  participationTo: string | null;
  reviewSubmittedOn: string | null;
  version: number;
  steps: StepView[];
  clocks: Clock[];
  actions: DecisionAction[];
}

export interface CatalogueItem {
  id: string;
  orgId: string;
  orgName: string | null;
  year: number;
  seq: number;
  title: string;
  category: string;
  planned: string | null;
  note: string | null;
  publishedOn: string | null;
  decisions: number;
  version: number;
}

export interface PublicCatalogue {
  bureau: string;
  years: Array<{
    year: number;
    publishedOn: string | null;
    items: Array<{ seq: number; title: string; category: string; unit: string | null; planned: string | null }>;
  }>;
}

export const decisionsApi = {
  register: (body: Record<string, unknown>) => api.post<Decision>('/api/decisions', body),
  step: (id: string, event: DecisionEvent, body: Record<string, unknown>) => api.post<Decision>(`/api/decisions/${id}/${event}`, body),
  addItem: (body: Record<string, unknown>) => api.post<CatalogueItem>('/api/decisions/catalogue', body),
  publish: (year: number, publishedOn: string) => api.post<CatalogueItem[]>('/api/decisions/catalogue/publish', { year, publishedOn }),
  /** 修改目录事项 (before the year's catalogue is published). */
  editItem: (id: string, body: Record<string, unknown>) => api.put<CatalogueItem>(`/api/decisions/catalogue/${id}`, body),
  /** 删除目录事项 (before publication, and only without decisions): the year's items left. */
  deleteItem: (item: Pick<CatalogueItem, 'id' | 'version'>) => api.del<CatalogueItem[]>(`/api/decisions/catalogue/${item.id}?version=${item.version}`),
};

const STEP_COLUMNS: Record<string, string> = {
  participation: '公众参与',
  expert: '专家论证',
  risk: '风险评估',
  review: '合法性审查',
  discussion: '集体讨论',
  publication: '公布',
  evaluation: '决策后评估',
};

/** Chinese names of the fields a decision's audit events carry. */
export const DECISION_FIELD_LABELS: Record<string, string> = {
  year: '年度',
  title: '决策事项',
  catalogue_item_id: '目录事项',
  summary: '决策内容摘要',
  leader: '分管领导',
  handler: '承办人',
  status: '状态',
  org_id: '承办单位',
  participation_required: '需要公众参与',
  participation_na_reason: '公众参与不适用理由',
  participation_methods: '公众参与方式',
  participation_from: '征求意见开始日期',
  participation_to: '征求意见截止日期',
  participation_short_reason: '征求意见期限缩短理由',
  participation_on: '公众参与完成日期',
  participation_record: '意见采纳情况',
  expert_required: '需要专家论证',
  expert_na_reason: '专家论证不适用理由',
  expert_on: '专家论证日期',
  expert_experts: '论证专家',
  expert_record: '论证意见',
  risk_required: '需要风险评估',
  risk_na_reason: '风险评估不适用理由',
  risk_on: '风险评估日期',
  risk_level: '风险等级',
  risk_record: '风险评估结论',
  review_submitted_on: '送审日期',
  review_on: '审查意见日期',
  review_result: '合法性审查意见',
  review_opinion: '审查意见内容',
  discussion_on: '集体讨论日期',
  discussion_meeting: '会议名称',
  discussion_attendees: '参会人员',
  discussion_result: '决定结果',
  discussion_content: '决定内容',
  discussion_dissent: '不同意见',
  discussion_head_reason: '首长决定理由',
  discussion_short_review_reason: '审查时间不足理由',
  publication_required: '需要公布',
  publication_na_reason: '不予公开理由',
  publication_on: '公布日期',
  publication_channel: '公布途径',
  publication_ref: '公布文号',
  evaluation_required: '开展决策后评估',
  evaluation_na_reason: '未评估理由',
  evaluation_on: '决策后评估日期',
  evaluation_by: '评估单位',
  evaluation_record: '决策后评估结论',
  archived_on: '归档日期',
  step: '程序环节',
  ...Object.fromEntries(Object.entries(STEP_COLUMNS).map(([k, v]) => [`step_${k}`, v])),
};

export const CATALOGUE_FIELD_LABELS: Record<string, string> = {
  year: '年度',
  seq: '序号',
  title: '决策事项',
  category: '事项类别',
  planned: '计划完成时间',
  note: '备注',
  published_on: '目录公布日期',
  org_id: '承办单位',
};
