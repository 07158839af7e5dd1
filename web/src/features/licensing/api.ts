import { api } from '../../api/client';
import type { WorkflowAction } from '../../api/workflow';
import { PERMIT_STAGE_LABELS, type PERMIT_STEP_LABELS } from '../../../../src/modules/licensing/labels';

export type Category = '水利' | '排水' | '工程建设';
export const CATEGORIES: Category[] = ['水利', '排水', '工程建设'];

/** 许可事项 (`GET /api/licensing/items`). */
export interface PermitItem {
  id: string;
  orgId: string;
  code: string;
  name: string;
  category: Category;
  statutoryDays: number;
  committedDays: number;
  cloudWindow: boolean;
  basis: string | null;
  version: number;
}

/** The permit list's routes: `LIC_PERMIT_LIST` (a page) and `${LIC_PERMIT_LIST}/export` (the filtered rows, 行政许可办件台账 headers). */
export const LIC_PERMIT_LIST = '/api/licensing/permits';

export type PermitStatus = keyof typeof PERMIT_STAGE_LABELS;
export const STATUS_LABELS: Readonly<Record<PermitStatus, string>> = PERMIT_STAGE_LABELS;
export const STATUS_COLORS: Record<PermitStatus, string> = {
  received: 'blue',
  correction: 'orange',
  accepted: 'processing',
  not_accepted: 'default',
  decided: 'cyan',
  certified: 'geekblue',
  published: 'green',
};

export type PermitActionKey = keyof typeof PERMIT_STEP_LABELS;

/** A permit step as the server sends it (allowed or not, and why). */
export type PermitAction = WorkflowAction<PermitActionKey, PermitStatus>;

/** 办件 (`GET /api/licensing/permits/:id`): fields, deadlines and the actions the server allows now. */
export interface Permit {
  id: string;
  caseNo: string;
  itemId: string;
  itemCode: string | null;
  itemName: string | null;
  category: Category | null;
  orgName: string | null;
  applicant: string;
  applicantType: string;
  applicantUscc: string | null;
  channel: string | null;
  visits: number | null;
  status: PermitStatus;
  statusLabel: string;
  receivedOn: string;
  correctionDueOn: string;
  correctionNoticeOn: string | null;
  correctionItems: string | null;
  correctedOn: string | null;
  acceptedOn: string | null;
  clockStartOn: string | null;
  deemedAccepted: boolean;
  notAcceptedOn: string | null;
  notAcceptedReason: string | null;
  pauses: Array<{ from: string; to: string; reason: string }>;
  extensionDays: number | null;
  extensionApprovedOn: string | null;
  extensionReason: string | null;
  dueOn: string | null;
  statutoryDueOn: string | null;
  decidedOn: string | null;
  result: string | null;
  decisionNo: string | null;
  decisionNote: string | null;
  certificateNo: string | null;
  certificateOn: string | null;
  certificateDueOn: string | null;
  publishedOn: string | null;
  /** Why the extension did not extend a deadline (approved after it ran out), or null. */
  extensionNote: string | null;
  onTime: boolean | null;
  /** The `licensing.permit` workflow's actions for the signed-in user, in the engine's one shape. */
  actions: PermitAction[];
  version: number;
}

export interface Rule {
  key: string;
  label: string;
  text: string;
  source: string;
}

export const ACTION_PATHS: Record<PermitActionKey, string> = {
  correction: 'correction',
  corrected: 'corrected',
  accept: 'accept',
  not_accept: 'not-accept',
  pause: 'pause',
  extend: 'extend',
  decide: 'decide',
  certify: 'certify',
  publish: 'publish',
};

export const licensingApi = {
  step: (id: string, action: PermitActionKey, body: Record<string, unknown>) => api.post<Permit>(`/api/licensing/permits/${id}/${ACTION_PATHS[action]}`, body),
  receive: (body: Record<string, unknown>) => api.post<Permit>('/api/licensing/permits', body),
  createItem: (body: Record<string, unknown>) => api.post<PermitItem>('/api/licensing/items', body),
  updateItem: (id: string, body: Record<string, unknown>) => api.patch<PermitItem>(`/api/licensing/items/${id}`, body),
};
