import type { WorkflowAction } from '../../api/workflow';

export const ADVICE_KINDS = ['合同审查', '文件审核', '法律意见书', '会议', '业务研讨', '专题培训'] as const;
export const DOCUMENT_KINDS = ['规范性文件', '重大行政决策', '三重一大'] as const;

export interface Contract {
  id: string;
  firm: string;
  contractNo: string;
  startOn: string;
  endOn: string;
  feeYuan: number | null;
  lawyers: string | null;
  procurement: string | null;
  version: number;
  /** The list only: where the term stands today. */
  term?: ContractTerm;
}
/** Where a contract's term stands today. */
export type ContractTerm = 'current' | 'ended' | 'upcoming';
export const CONTRACT_TERM_LABELS: Record<ContractTerm, string> = { current: '履行中', ended: '已到期', upcoming: '未开始' };
const CONTRACT_TERM_COLORS: Record<ContractTerm, string> = { current: 'green', ended: 'default', upcoming: 'blue' };
export const contractTermColor = (t: ContractTerm) => CONTRACT_TERM_COLORS[t];
/** The contract list's routes: `${CONTRACT_LIST}/list` (a page) and `${CONTRACT_LIST}/export` (the filtered rows, the list's columns). */
export const CONTRACT_LIST = '/api/legal/contracts';
/** The work-record list's routes: `ADVICE_LIST` (a page, with the counts by kind) and `${ADVICE_LIST}/export` (the filtered rows, 法律顾问工作台账 headers). */
export const ADVICE_LIST = '/api/legal/advice';
export interface Advice {
  id: string;
  date: string;
  kind: string;
  title: string;
  firm: string | null;
  handler: string | null;
  opinion: string | null;
  version: number;
}
export type DocumentStage = 'drafting' | 'commenting' | 'submitted' | 'reviewed' | 'deliberated' | 'issued' | 'published' | 'repealed';
/** Each stage's Chinese name (the legal module's labels), for the list's 状态 filter. */
export { DOCUMENT_STAGE_LABELS } from '../../../../src/modules/legal/labels';
/** The document list's routes: `${DOCUMENT_LIST}/list` (a page) and `${DOCUMENT_LIST}/export` (the filtered rows, 行政规范性文件登记台账 headers). */
export const DOCUMENT_LIST = '/api/legal/documents';
export type DocumentEvent = 'openComment' | 'submit' | 'review' | 'deliberate' | 'issue' | 'publish' | 'file' | 'clean' | 'repeal';
export type DocumentAction = WorkflowAction<DocumentEvent, DocumentStage>;
export const CLEANUP_OUTCOMES = ['继续有效', '修改', '废止'] as const;
export type NormativeStatus = '现行有效' | '已废止' | '已失效';

/** A published normative document's deadline (备案, 有效期) as the server judged it. */
export interface DocumentDeadline {
  key: string;
  label: string;
  due: string;
  doneOn: string | null;
  status: 'ok' | 'due_soon' | 'overdue' | 'done';
  source: string;
}

export interface LegalDocument {
  id: string;
  kind: string;
  title: string;
  orgName: string | null;
  submittedOn: string;
  status: string;
  statusLabel: string;
  reviewedOn: string | null;
  reviewResult: string | null;
  reviewOpinion: string | null;
  reviewer: string | null;
  issuedOn: string | null;
  docNo: string | null;
  draftedOn: string | null;
  commentFrom: string | null;
  commentUntil: string | null;
  commentChannel: string | null;
  commentSummary: string | null;
  reviewChecklist: Record<string, boolean> | null;
  deliberatedOn: string | null;
  deliberation: string | null;
  filingDue: string | null;
  filedOn: string | null;
  filedOnTime: boolean | null;
  validUntil: string | null;
  expiryReminderOn: string | null;
  repealedOn: string | null;
  repealReason: string | null;
  publicStatus: NormativeStatus | null;
  deadlines: DocumentDeadline[];
  /** The `legal.document` workflow's actions for the signed-in user's roles (the engine's one shape). */
  actions: DocumentAction[];
  version: number;
  reviewSource?: string;
  /** The page only: the review checklist, the lifecycle's terms and the cleanups. */
  checklist?: Array<{ key: string; label: string }>;
  checklistSource?: string;
  terms?: Array<{ key: string; label: string; n: number; unit: string; source: string }>;
  cleanups?: Array<{ id: string; cleanedOn: string; outcome: string; reason: string }>;
}

/** A row of the public list of normative documents. */
export interface PublicNormative {
  id: string;
  docNo: string | null;
  title: string;
  publishedOn: string;
  validUntil: string | null;
  repealedOn: string | null;
  status: NormativeStatus;
}
export interface Appraisal {
  id: string;
  year: number;
  appraisedOn: string;
  selfCheck: string;
  criteria: Array<{ name: string; max: number; score: number }>;
  total: number;
  grade: string;
  suggestions: string | null;
}
export interface Attachment {
  id: string;
  filename: string;
  size: number;
  createdAt: string;
}
