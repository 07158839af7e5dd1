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
}
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
export type DocumentAction = WorkflowAction<'review' | 'issue', 'submitted' | 'reviewed' | 'issued'>;

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
  /** The `legal.document` workflow's actions for the signed-in user's roles (the engine's one shape). */
  actions: DocumentAction[];
  version: number;
  reviewSource?: string;
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
