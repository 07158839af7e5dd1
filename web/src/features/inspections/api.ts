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
  actions: Array<'result' | 'publish'>;
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
