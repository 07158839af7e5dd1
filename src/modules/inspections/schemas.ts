/**
 * What the 双随机、一公开 routes answer, described with TypeBox: the OpenAPI description of each
 * answer and the schema Fastify serialises it by. The presenters return `Static<typeof …>` of
 * these, so a presenter and its schema cannot drift (and the test server checks every answer
 * strictly, src/server/responses.ts).
 */
import { type Static, Type } from '@fastify/type-provider-typebox';
import { Bool, Int, IsoDateString, NDay, NStr, Nullable, OneOf, Str } from '../../core/schemas.js';
import { FOLLOW_UPS, RECORD_KINDS } from './rules.js';
import { RESULTS } from './schema.js';

const Num = Type.Number();
const Action = (description: string) => Type.Object({ event: Str, label: Str, allowed: Bool, reasons: Type.Array(Str), to: NStr }, { description });

export const ResultView = OneOf(RESULTS);

/** 随机抽查事项 */
export const ItemView = Type.Object({ id: Str, orgId: Str, code: Str, name: Str, entityKind: Str, basis: NStr, method: NStr }, { description: '随机抽查事项' });
export type ItemView = Static<typeof ItemView>;

/** 检查对象 */
export const EntityView = Type.Object(
  { id: Str, orgId: Str, code: Str, name: Str, kind: Str, uscc: NStr, street: NStr, address: NStr, active: Bool },
  { description: '检查对象' },
);
export type EntityView = Static<typeof EntityView>;

/** 执法检查人员 */
export const InspectorView = Type.Object({ id: Str, orgId: Str, code: Str, name: Str, certNo: NStr, active: Bool }, { description: '执法检查人员' });
export type InspectorView = Static<typeof InspectorView>;
/** 执法检查人员 as the register's list shows them: with their unit's name. */
export const InspectorListView = Type.Object({ ...InspectorView.properties, orgName: Str }, { description: '执法检查人员（含所属单位）' });
/** The entity register's kinds and streets (the list's column filters). */
export const EntityFacetsView = Type.Object({ kinds: Type.Array(Str), streets: Type.Array(Str) }, { description: '检查对象的类别与街道' });

/** 回避关系 */
export const ConflictView = Type.Object(
  {
    id: Str,
    inspectorId: Str,
    entityId: Str,
    reason: Str,
    inspectorName: Type.String({ description: '执法检查人员姓名' }),
    entityName: Type.String({ description: '检查对象名称' }),
  },
  { description: '回避关系' },
);
export type ConflictView = Static<typeof ConflictView>;

/** 抽查计划 with the `inspections.plan` workflow's actions for the actor. */
export const PlanView = Type.Object(
  {
    id: Str,
    orgId: Str,
    year: Int,
    title: Str,
    itemId: Str,
    itemName: Str,
    entityKind: Str,
    ratioPercent: Num,
    perEntity: Int,
    windowFrom: IsoDateString,
    windowTo: IsoDateString,
    drawId: NStr,
    drawnOn: NDay,
    actions: Type.Array(Action('计划操作：是否可办理及原因')),
    version: Int,
  },
  { description: '年度抽查计划' },
);
export type PlanView = Static<typeof PlanView>;

/** 抽取记录: the seed and algorithm recorded so anyone can re-run it. */
export const DrawView = Type.Object(
  { id: Str, planId: Str, seed: Str, algorithm: Str, drawnOn: IsoDateString, resultHash: Str, population: Int, sampleSize: Int },
  { description: '抽取记录' },
);
export type DrawView = Static<typeof DrawView>;

/** 抽查任务 with the `inspections.task` workflow's actions for the actor. */
export const TaskView = Type.Object(
  {
    id: Str,
    planId: Str,
    drawId: Str,
    entityId: Str,
    entityName: Str,
    entityCode: Str,
    street: NStr,
    inspectorIds: Type.Array(Str),
    inspectors: Type.Array(Str),
    inspectedOn: NDay,
    result: Nullable(ResultView),
    problems: NStr,
    publishDueOn: NDay,
    publishedOn: NDay,
    actions: Type.Array(Action('任务操作：是否可办理及原因')),
    version: Int,
  },
  { description: '抽查任务' },
);
export type TaskView = Static<typeof TaskView>;

/** A plan's page: the plan, its draw and tasks, and the rules they follow. */
export const PlanDetailView = Type.Object(
  {
    plan: PlanView,
    draw: Nullable(DrawView),
    tasks: Type.Array(TaskView),
    algorithm: Str,
    source: Str,
    results: Type.Array(ResultView),
  },
  { description: '抽查计划、抽取记录与抽查任务' },
);
export type PlanDetailView = Static<typeof PlanDetailView>;

/** 复核: whether the re-run draw and the tasks match the record. */
export const VerifyView = Type.Object({ ok: Bool, message: Str, seed: Str, algorithm: Str, resultHash: Str }, { description: '复核结果' });
export type VerifyView = Static<typeof VerifyView>;

// ── 行政检查记录 and 年度检查计划 ──

const RecordKindView = OneOf(RECORD_KINDS);
const FollowUpView = OneOf(FOLLOW_UPS);

/** 行政检查记录 with the `inspections.record` workflow's stage and actions for the actor. */
export const RecordView = Type.Object(
  {
    id: Str,
    orgId: Str,
    orgName: Str,
    recordNo: Str,
    inspectedOn: IsoDateString,
    entityId: Str,
    entityName: Str,
    entityUscc: NStr,
    kind: RecordKindView,
    enterprise: Bool,
    basis: Str,
    basisItemId: NStr,
    basisCatalogueId: NStr,
    inspectors: Type.Array(Type.Object({ name: Str, certNo: NStr, officerId: NStr, inspectorId: NStr })),
    inPlan: Bool,
    offPlanReason: NStr,
    findings: NStr,
    followUp: FollowUpView,
    rectifyDueOn: NDay,
    rectifiedOn: NDay,
    rectifyNote: NStr,
    clueId: NStr,
    caseId: NStr,
    followRef: NStr,
    closedOn: NDay,
    taskId: NStr,
    stage: Str,
    stageLabel: Str,
    warnings: Type.Array(Str, { description: '提示（如同一企业年度检查次数超过上限），不影响登记' }),
    actions: Type.Array(Action('检查记录操作：是否可办理及原因')),
    version: Int,
  },
  { description: '行政检查记录' },
);
export type RecordView = Static<typeof RecordView>;

/** 年度检查计划 of a unit. */
export const AnnualPlanView = Type.Object(
  { id: Str, orgId: Str, orgName: Str, year: Int, title: Str, entityCap: Int, entries: Int, version: Int },
  { description: '年度检查计划' },
);
export type AnnualPlanView = Static<typeof AnnualPlanView>;

/** A plan's page: its entries, each with the inspections made, and the enterprises over the cap. */
export const AnnualPlanDetailView = Type.Object(
  {
    plan: AnnualPlanView,
    entries: Type.Array(Type.Object({ id: Str, entityId: Str, entityName: Str, entityUscc: NStr, kind: Str, month: Int, note: NStr })),
    counts: Type.Array(Type.Object({ entityId: Str, entityName: Str, inspections: Int, overCap: Bool })),
    source: Str,
  },
  { description: '年度检查计划及执行' },
);
export type AnnualPlanDetailView = Static<typeof AnnualPlanDetailView>;

/** The register form's choices: kinds, follow-ups, bases and certified officers. */
export const RecordOptionsView = Type.Object(
  {
    kinds: Type.Array(Str),
    followUps: Type.Array(Str),
    items: Type.Array(Type.Object({ id: Str, name: Str })),
    catalogue: Type.Array(Type.Object({ id: Str, code: Str, name: Str })),
    officers: Type.Array(Type.Object({ id: Str, name: Str, orgName: Str, certNo: NStr, certValidUntil: NDay })),
    rules: Type.Array(Type.Object({ key: Str, rule: Str, source: Str })),
  },
  { description: '登记行政检查的选项' },
);
