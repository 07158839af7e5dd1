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
