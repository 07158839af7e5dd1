import type { WorkflowAction } from '../../api/workflow';

export interface Plan {
  id: string;
  year: number;
  title: string;
  itemId: string;
  itemName: string;
  entityKind: string;
  ratioPercent: number;
  perEntity: number;
  windowFrom: string;
  windowTo: string;
  drawId: string | null;
  drawnOn: string | null;
  /** The `inspections.plan` workflow's actions for the signed-in user (the engine's one shape). */
  actions: WorkflowAction<'draw', 'draft' | 'drawn'>[];
  version: number;
}
export interface Draw {
  id: string;
  seed: string;
  algorithm: string;
  drawnOn: string;
  resultHash: string;
  population: number;
  sampleSize: number;
}
export type TaskAction = WorkflowAction<'result' | 'publish', 'pending' | 'inspected' | 'published'>;

export interface Task {
  id: string;
  entityName: string;
  entityCode: string;
  street: string | null;
  inspectors: string[];
  inspectedOn: string | null;
  result: string | null;
  problems: string | null;
  publishDueOn: string | null;
  publishedOn: string | null;
  /** The `inspections.task` workflow's actions for the signed-in user (the engine's one shape). */
  actions: TaskAction[];
  version: number;
}
export interface PlanDetail {
  plan: Plan;
  draw: Draw | null;
  tasks: Task[];
  algorithm: string;
  source: string;
  results: string[];
}

// ── 行政检查 ──

export type RecordStage = 'done' | 'rectifying' | 'closed';
export type RecordAction = WorkflowAction<'order' | 'rectified' | 'escalate' | 'close', RecordStage>;
export interface InspectionRecord {
  id: string;
  orgId: string;
  orgName: string;
  recordNo: string;
  inspectedOn: string;
  entityId: string;
  entityName: string;
  entityUscc: string | null;
  kind: string;
  enterprise: boolean;
  basis: string;
  inspectors: Array<{ name: string; certNo: string | null; officerId: string | null; inspectorId: string | null }>;
  inPlan: boolean;
  offPlanReason: string | null;
  findings: string | null;
  followUp: string;
  rectifyDueOn: string | null;
  rectifiedOn: string | null;
  rectifyNote: string | null;
  clueId: string | null;
  caseId: string | null;
  followRef: string | null;
  closedOn: string | null;
  taskId: string | null;
  stage: RecordStage;
  stageLabel: string;
  warnings: string[];
  actions: RecordAction[];
  version: number;
}
export interface RecordOptions {
  kinds: string[];
  followUps: string[];
  items: Array<{ id: string; name: string }>;
  catalogue: Array<{ id: string; code: string; name: string }>;
  officers: Array<{ id: string; name: string; orgName: string; certNo: string | null; certValidUntil: string | null }>;
  rules: Array<{ key: string; rule: string; source: string }>;
}
export interface AnnualPlan {
  id: string;
  orgId: string;
  orgName: string;
  year: number;
  title: string;
  entityCap: number;
  entries: number;
  version: number;
}
export interface AnnualPlanDetail {
  plan: AnnualPlan;
  entries: Array<{ id: string; entityId: string; entityName: string; entityUscc: string | null; kind: string; month: number; note: string | null }>;
  counts: Array<{ entityId: string; entityName: string; inspections: number; overCap: boolean }>;
  source: string;
}
/** The record list's routes: `${RECORD_LIST}/list` (a page) and `${RECORD_LIST}/export` (the filtered rows, 行政检查台账 headers). */
export const RECORD_LIST = '/api/inspections/records';
export const RECORD_KINDS = ['双随机', '专项', '投诉举报', '上级交办', '回访'] as const;
export const RECORD_STAGE_OPTIONS: ReadonlyArray<{ label: string; value: RecordStage }> = [
  { label: '已检查', value: 'done' },
  { label: '整改中', value: 'rectifying' },
  { label: '已办结', value: 'closed' },
];
export const STAGE_COLORS: Record<RecordStage, string> = { done: 'blue', rectifying: 'orange', closed: 'green' };

// ── 抽查名录 and 抽查计划 on the one list component ──

/** The register lists' routes: `${…}/list` (a page; no ledger, so no export). */
export const ENTITY_LIST = '/api/inspections/entities/list';
export const INSPECTOR_LIST = '/api/inspections/inspectors/list';
export const PLAN_LIST = '/api/inspections/plans/list';
export interface RegisterEntity {
  id: string;
  orgId: string;
  code: string;
  name: string;
  kind: string;
  uscc: string | null;
  street: string | null;
  address: string | null;
  active: boolean;
}
export interface RegisterInspector {
  id: string;
  orgId: string;
  orgName: string;
  code: string;
  name: string;
  certNo: string | null;
  active: boolean;
}
export interface Conflict {
  id: string;
  inspectorId: string;
  entityId: string;
  reason: string;
  inspectorName: string;
  entityName: string;
}
/** The 在册/已停用 column filter of a register (`active=true|false`). */
export const ACTIVE_OPTIONS = [
  { label: '在册', value: 'true' },
  { label: '已停用', value: 'false' },
] as const;
