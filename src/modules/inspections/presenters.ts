import type { Selectable } from 'kysely';
import type { InspectionTables, RecordInspector } from './schema.js';
import type { RecordRow } from './repository.js';
import type { AnnualPlanView, ConflictView, DrawView, EntityView, InspectorView, ItemView, PlanView, RecordView, TaskView } from './schemas.js';
import { planActions, planStage, RECORD_STAGES, recordActions, recordStage, taskActions, taskStage } from './workflow.js';

type Row<T extends keyof InspectionTables> = Selectable<InspectionTables[T]>;
/** A JSON column as stored (PGlite and PostgreSQL may give the text or the value). */
const json = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

export const presentItem = (r: Row<'insp_item'>): ItemView => ({
  id: r.id,
  orgId: r.org_id,
  code: r.code,
  name: r.name,
  entityKind: r.entity_kind,
  basis: r.basis,
  method: r.method,
});
export const presentEntity = (r: Row<'insp_entity'>): EntityView => ({
  id: r.id,
  orgId: r.org_id,
  code: r.code,
  name: r.name,
  kind: r.kind,
  uscc: r.uscc,
  street: r.street,
  address: r.address,
  active: r.active,
});
export const presentInspector = (r: Row<'insp_inspector'>): InspectorView => ({
  id: r.id,
  orgId: r.org_id,
  code: r.code,
  name: r.name,
  certNo: r.cert_no,
  active: r.active,
});
/** A conflict with its two sides named (the inspector's and the entity's names). */
export const presentConflict = (r: Row<'insp_conflict'> & { inspector_name: string; entity_name: string }): ConflictView => ({
  id: r.id,
  inspectorId: r.inspector_id,
  entityId: r.entity_id,
  reason: r.reason,
  inspectorName: r.inspector_name,
  entityName: r.entity_name,
});
export const presentPlan = (
  r: Row<'insp_plan'> & { item_name: string; entity_kind: string; draw_id?: string | null; drawn_on?: string | null },
  who: readonly string[],
): PlanView => ({
  id: r.id as string,
  orgId: r.org_id as string,
  year: r.year as number,
  title: r.title as string,
  itemId: r.item_id as string,
  itemName: r.item_name as string,
  entityKind: r.entity_kind as string,
  ratioPercent: r.ratio_bp / 100,
  perEntity: r.per_entity as number,
  windowFrom: r.window_from as string,
  windowTo: r.window_to as string,
  drawId: (r.draw_id ?? null) as string | null,
  drawnOn: (r.drawn_on ?? null) as string | null,
  /** The `inspections.plan` workflow's actions for the actor (the engine's one shape). */
  actions: planActions(planStage(r), who),
  version: r.version as number,
});
export const presentDraw = (r: Row<'insp_draw'>): DrawView => ({
  id: r.id,
  planId: r.plan_id,
  seed: r.seed,
  algorithm: r.algorithm,
  drawnOn: r.drawn_on,
  resultHash: r.result_hash,
  population: json(r.result).population,
  sampleSize: json(r.result).sampleSize,
});
export const presentTask = (
  r: Row<'insp_task'> & { entity_name: string; entity_code: string; street: string | null },
  names: Map<string, string>,
  who: readonly string[],
): TaskView => {
  const ids = json(r.inspector_ids) as string[];
  return {
    id: r.id as string,
    planId: r.plan_id as string,
    drawId: r.draw_id as string,
    entityId: r.entity_id as string,
    entityName: r.entity_name as string,
    entityCode: r.entity_code as string,
    street: r.street as string | null,
    inspectorIds: ids,
    inspectors: ids.map((i) => names.get(i) ?? i),
    inspectedOn: r.inspected_on as string | null,
    result: r.result,
    problems: r.problems as string | null,
    publishDueOn: r.publish_due_on as string | null,
    publishedOn: r.published_on as string | null,
    /** The `inspections.task` workflow's actions for the actor (the engine's one shape). */
    actions: taskActions(taskStage(r), who),
    version: r.version as number,
  };
};

// ── 行政检查记录 and 年度检查计划 ──

export const presentRecord = (r: RecordRow, who: readonly string[], warnings: string[] = []): RecordView => {
  const stage = recordStage(r);
  const ins = json(r.inspectors) as RecordInspector[];
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    recordNo: r.record_no,
    inspectedOn: r.inspected_on,
    entityId: r.entity_id,
    entityName: r.entity_name,
    entityUscc: r.entity_uscc,
    kind: r.kind,
    enterprise: r.enterprise,
    basis: r.basis,
    basisItemId: r.basis_item_id,
    basisCatalogueId: r.basis_catalogue_id,
    inspectors: ins.map((i) => ({ name: i.name, certNo: i.certNo ?? null, officerId: i.officerId ?? null, inspectorId: i.inspectorId ?? null })),
    inPlan: r.kind === '双随机' || !!r.annual_entry_id,
    offPlanReason: r.off_plan_reason,
    findings: r.findings,
    followUp: r.follow_up,
    rectifyDueOn: r.rectify_due_on,
    rectifiedOn: r.rectified_on,
    rectifyNote: r.rectify_note,
    clueId: r.clue_id,
    caseId: r.case_id,
    followRef: r.follow_ref,
    closedOn: r.closed_on,
    taskId: r.task_id,
    stage,
    stageLabel: RECORD_STAGES[stage],
    warnings,
    actions: recordActions(stage, who),
    version: r.version,
  };
};

export const presentAnnualPlan = (r: Row<'insp_annual_plan'> & { org_name: string; entries?: string | number | null }): AnnualPlanView => ({
  id: r.id,
  orgId: r.org_id,
  orgName: r.org_name,
  year: r.year,
  title: r.title,
  entityCap: r.entity_cap,
  entries: Number(r.entries ?? 0),
  version: r.version,
});
