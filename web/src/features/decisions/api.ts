import { api } from '../../api/client';
import type { WorkflowAction } from '../../api/workflow';
import type { RecordClock } from '../../components/RecordClocks';
import { type DECISION_EVENT_LABELS, DECISION_STAGE_LABELS } from '../../../../src/modules/decisions/labels';

export const CATEGORIES = ['重大公共政策和措施', '重要规划', '自然资源和文化资源开发利用保护', '重大公共建设项目', '其他重大事项'] as const;
export const PARTICIPATION_METHODS = ['向社会公开征求意见', '座谈会', '听证会', '实地走访', '书面征求意见', '问卷调查', '民意调查'] as const;
export const RISK_LEVELS = ['低风险', '中风险', '高风险'] as const;

export type DecisionStatus = keyof typeof DECISION_STAGE_LABELS;
/** The decision list's routes: `DECISION_LIST` (a page) and `${DECISION_LIST}/export` (the filtered rows, 重大行政决策台账 headers). */
export const DECISION_LIST = '/api/decisions';

export const STATUS_LABELS: Readonly<Record<DecisionStatus, string>> = DECISION_STAGE_LABELS;
export const STATUS_COLORS: Record<DecisionStatus, string> = {
  drafting: 'blue',
  in_review: 'cyan',
  reviewed: 'geekblue',
  made: 'purple',
  published: 'green',
  archived: 'default',
  rejected: 'red',
};

export type DecisionEvent = keyof typeof DECISION_EVENT_LABELS;
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
