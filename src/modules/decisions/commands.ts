/**
 * The writes of the decisions module: the catalogue (an item; a year's catalogue published), and
 * decisions — `saveDecisions` takes a decision as the form registers it (live) or as a ledger row
 * records it (historical); each workflow event is a command of events.ts applied by `applyDecisionEvent`.
 */
import { Type, type Static } from '@fastify/type-provider-typebox';
import type { Actor, Ctx } from '../../core/context.js';
import { write, type WriteScope } from '../../core/audit/audit.js';
import type { TrackInput } from '../../core/calendar/service.js';
import type { System } from '../../core/system.js';
import { errors } from '../../core/errors.js';
import { OneOf, OptText } from '../../core/schemas.js';
import { isUuid } from '../../core/ids.js';
import { check } from '../../core/input.js';
import type { RowError, RuleBreach, WriteOrigin } from '../../core/ledger/ledger.js';
import { attempt, attemptLookup, rowFailure, saveChecked, type AnyRow, type CheckedItem, type SaveResult } from '../../core/persist.js';
import { inScope, ownerOrgForCreate } from '../../core/scope.js';
import { updateVersioned } from '../../core/versioned.js';
import { runWorkflowEvent } from '../../core/workflow/events.js';
import { assertDate, DECISION_EVENTS, refuse, type DecisionEventName } from './events.js';
import { decisionFacts, statusOf } from './facts.js';
import {
  catalogueItemWithCount,
  catalogueOfYears,
  deleteCatalogueItemRow,
  lockCatalogueItem,
  decisionsByKey,
  getCatalogueItem,
  getDecision,
  insertCatalogueItem,
  listCatalogue,
  publishCatalogueYear,
  type CatalogueWithOrg,
  type DecisionRow,
  type DecisionWithOrg,
} from './repository.js';
import {
  catalogueDeleteProblems,
  catalogueEditProblems,
  applicabilityBreaches,
  commentPeriodBreaches,
  commentPeriodRule,
  discussionBreaches,
  missingSteps,
  REVIEW_TERM_RULE,
  reviewPasses,
  reviewTimeBreaches,
  type OptionalStep,
} from './rules.js';
import { CATEGORIES, DISCUSSION_RESULTS, PARTICIPATION_METHODS, REVIEW_RESULTS, RISK_LEVELS } from './schema.js';
import { decisionWho, requireDecisionStep } from './workflow.js';

export const DECISION_ENTITY = 'decisions.decision';
export const CATALOGUE_ENTITY = 'decisions.catalogue_item';
type Sys = Pick<System, 'calendar'>;

const str = (v: string | null | undefined) => (typeof v === 'string' ? v.trim() : '');
const optDate = (field: string, label: string, v: string | null | undefined) => (str(v) ? assertDate(field, label, v) : null);

// ── The catalogue ──

/** An item's own fields, as the add and the edit forms send them. */
const CatalogueFields = {
  title: Type.String({ maxLength: 300 }),
  category: OneOf(CATEGORIES),
  planned: OptText(100),
  note: OptText(2000),
  orgId: OptText(36),
};
const Seq = Type.Integer({ minimum: 1, maximum: 999 });

export const CatalogueBody = Type.Object(
  { year: Type.Integer({ minimum: 2000, maximum: 2100 }), seq: Type.Optional(Seq), ...CatalogueFields },
  { additionalProperties: false },
);
export type CatalogueInput = Static<typeof CatalogueBody>;

/** 目录事项 — an item of a year's catalogue (第三条第三款); the next 序号 when none is given. */
export async function createCatalogueItem(ctx: Ctx, input: CatalogueInput): Promise<CatalogueWithOrg> {
  const title = check.text('title', '决策事项名称', input.title, { required: true, max: 300 })!;
  if (!(CATEGORIES as readonly string[]).includes(input.category)) throw errors.validation('category', `事项类别应为：${CATEGORIES.join('、')}`);
  return write(ctx, async (w) => {
    const items = await catalogueOfYears(w.tx, ctx.actor.tenantId, [input.year]);
    if (items.some((i) => i.title === title)) throw errors.duplicate('title', `${input.year}年目录已有“${title}”`);
    if (input.seq && items.some((i) => i.seq === input.seq)) throw errors.duplicate('seq', `${input.year}年目录已有序号${input.seq}`);
    const orgId = await ownerOrgForCreate({ db: w.tx, actor: ctx.actor }, str(input.orgId) || null, '承办单位');
    const row = await insertCatalogueItem(w.tx, {
      tenant_id: ctx.actor.tenantId,
      org_id: orgId,
      year: input.year,
      seq: input.seq ?? Math.max(0, ...items.map((i) => i.seq)) + 1,
      title,
      category: input.category,
      planned: str(input.planned) || null,
      note: str(input.note) || null,
      published_on: null,
    });
    await w.audit({ entity: CATALOGUE_ENTITY, entityId: row.id, action: 'created', orgId, after: catalogueView(row) });
    return (await listCatalogue({ db: w.tx, actor: ctx.actor }, input.year)).find((i) => i.id === row.id)!;
  });
}

const catalogueView = (r: AnyRow) => ({
  year: r.year,
  seq: r.seq,
  title: r.title,
  category: r.category,
  planned: r.planned,
  note: r.note,
  published_on: r.published_on,
});

/** 目录公布 — every unpublished item of the year published on a date (one audit event per item). */
export async function publishCatalogue(ctx: Ctx, input: { year: number; publishedOn: string }): Promise<CatalogueWithOrg[]> {
  const on = assertDate('publishedOn', '公布日期', input.publishedOn);
  // The catalogue is the bureau's (决策机关): a street's user publishes no other unit's items.
  if (!ctx.actor.scope.all) throw errors.forbidden();
  return write(ctx, async (w) => {
    const items = await catalogueOfYears(w.tx, ctx.actor.tenantId, [input.year]);
    if (!items.length) throw errors.validation('year', `${input.year}年目录尚无事项`);
    if (items.every((i) => i.published_on)) throw errors.validation('year', `${input.year}年目录已公布`);
    const rows = await publishCatalogueYear(w.tx, ctx.actor.tenantId, input.year, on);
    await w.auditMany(
      rows.map((r) => ({
        entity: CATALOGUE_ENTITY,
        entityId: r.id,
        action: 'published',
        orgId: r.org_id,
        before: { published_on: null },
        after: { published_on: on },
      })),
    );
    return listCatalogue({ db: w.tx, actor: ctx.actor }, input.year);
  });
}

/** 修改目录事项 — the form's body: the item's fields and the version read. */
export const CatalogueUpdateBody = Type.Object({ version: Type.Integer({ minimum: 1 }), seq: Seq, ...CatalogueFields }, { additionalProperties: false });
export type CatalogueUpdateInput = Static<typeof CatalogueUpdateBody>;

/** An item as the catalogue's writes load it: in the actor's scope (the unit it names), else 404. */
async function loadItem(w: WriteScope, id: string): Promise<CatalogueWithOrg | undefined> {
  if (!isUuid(id)) return undefined;
  const item = await catalogueItemWithCount(w.tx, w.ctx.actor.tenantId, id);
  return item && inScope(w.ctx.actor, item.org_id) ? item : undefined;
}

/**
 * 修改目录事项 (audit `decisions.catalogue_item.updated`): before the year's catalogue is published —
 * after, 422 `CATALOGUE_PUBLISHED` naming the rule and its source (`catalogueEditProblems`); a title or
 * 序号 another item of the year has is a 409 naming the field; a stale version is a 409.
 */
export async function updateCatalogueItem(ctx: Ctx, id: string, input: CatalogueUpdateInput): Promise<CatalogueWithOrg> {
  const title = check.text('title', '决策事项名称', input.title, { required: true, max: 300 })!;
  if (!(CATEGORIES as readonly string[]).includes(input.category)) throw errors.validation('category', `事项类别应为：${CATEGORIES.join('、')}`);
  const seq = check.int('seq', '序号', input.seq, { required: true, min: 1, max: 999 })!;
  if (!isUuid(id)) throw errors.notFound('目录事项');
  return write(ctx, async (w) => {
    await updateVersioned<CatalogueWithOrg>(w, {
      table: 'dec_catalogue_item',
      tenantId: ctx.actor.tenantId,
      id,
      version: input.version,
      label: '目录事项',
      load: () => loadItem(w, id),
      check: (item) => {
        const p = catalogueEditProblems({ publishedOn: item.published_on });
        if (p.length) throw errors.gate('CATALOGUE_PUBLISHED', p[0]!);
      },
      patch: async (item) => {
        const others = (await catalogueOfYears(w.tx, ctx.actor.tenantId, [item.year])).filter((i) => i.id !== item.id);
        if (others.some((i) => i.title === title)) throw errors.duplicate('title', `${item.year}年目录已有“${title}”`);
        if (others.some((i) => i.seq === seq)) throw errors.duplicate('seq', `${item.year}年目录已有序号${seq}`);
        const orgId = str(input.orgId) ? await ownerOrgForCreate({ db: w.tx, actor: ctx.actor }, str(input.orgId), '承办单位') : item.org_id;
        // A field the form leaves out keeps its value.
        const keep = (v: string | null | undefined, old: string | null) => (v === undefined ? old : str(v) || null);
        return { seq, title, category: input.category, planned: keep(input.planned, item.planned), note: keep(input.note, item.note), org_id: orgId };
      },
      audit: { entity: CATALOGUE_ENTITY, action: 'updated', view: (r) => ({ ...catalogueView(r), org_id: r.org_id }) },
    });
    return (await catalogueItemWithCount(w.tx, ctx.actor.tenantId, id))!;
  });
}

/**
 * 删除目录事项 (audit `decisions.catalogue_item.deleted`, the item as it was): before publication and
 * while no decision is registered under it — else 422 `CATALOGUE_PUBLISHED` / `CATALOGUE_ITEM_IN_USE`
 * naming why (`catalogueDeleteProblems`); a stale version is a 409.
 */
export async function deleteCatalogueItem(ctx: Ctx, id: string, version: number): Promise<{ year: number }> {
  if (!isUuid(id)) throw errors.notFound('目录事项');
  return write(ctx, async (w) => {
    await lockCatalogueItem(w.tx, ctx.actor.tenantId, id);
    const item = await loadItem(w, id);
    if (!item) throw errors.notFound('目录事项');
    if (item.version !== version) throw errors.conflict();
    const p = catalogueDeleteProblems({ publishedOn: item.published_on, decisions: item.decisions });
    if (p.length) throw errors.gate(item.published_on ? 'CATALOGUE_PUBLISHED' : 'CATALOGUE_ITEM_IN_USE', p[0]!);
    if (!(await deleteCatalogueItemRow(w.tx, ctx.actor.tenantId, { id, version }))) throw errors.conflict();
    await w.audit({ entity: CATALOGUE_ENTITY, entityId: id, action: 'deleted', orgId: item.org_id, before: { ...catalogueView(item), org_id: item.org_id } });
    return { year: item.year };
  });
}

// ── Decisions ──

const Applicability = {
  participationRequired: Type.Boolean(),
  participationNaReason: OptText(2000),
  expertRequired: Type.Boolean(),
  expertNaReason: OptText(2000),
  riskRequired: Type.Boolean(),
  riskNaReason: OptText(2000),
  publicationRequired: Type.Optional(Type.Boolean()),
  publicationNaReason: OptText(2000),
  evaluationRequired: Type.Optional(Type.Boolean()),
  evaluationNaReason: OptText(2000),
};

/** 决策登记 — the form's body: the decision and which steps it requires (and why not the others). */
export const RegisterBody = Type.Object(
  {
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    title: Type.String({ maxLength: 300 }),
    catalogueItemId: OptText(36),
    summary: OptText(4000),
    leader: OptText(50),
    handler: OptText(50),
    orgId: OptText(36),
    ...Applicability,
  },
  { additionalProperties: false },
);
export type RegisterInput = Static<typeof RegisterBody>;

/** A decision as a ledger row records it: the registration and every step recorded since. */
export interface DecisionSave extends RegisterInput {
  row?: number;
  participationMethods?: string[] | null;
  participationFrom?: string | null;
  participationTo?: string | null;
  participationShortReason?: string | null;
  participationOn?: string | null;
  participationRecord?: string | null;
  expertOn?: string | null;
  expertExperts?: string | null;
  expertRecord?: string | null;
  riskOn?: string | null;
  riskLevel?: string | null;
  riskRecord?: string | null;
  reviewSubmittedOn?: string | null;
  reviewOn?: string | null;
  reviewResult?: string | null;
  reviewOpinion?: string | null;
  discussionOn?: string | null;
  discussionMeeting?: string | null;
  discussionAttendees?: string | null;
  discussionResult?: string | null;
  discussionContent?: string | null;
  discussionDissent?: string | null;
  discussionHeadReason?: string | null;
  discussionShortReviewReason?: string | null;
  publicationOn?: string | null;
  publicationChannel?: string | null;
  publicationRef?: string | null;
  evaluationOn?: string | null;
  evaluationBy?: string | null;
  evaluationRecord?: string | null;
  archivedOn?: string | null;
}

/** The ledger's headers of the fields (an import's row error names the column). */
export const DECISION_COLUMNS: Record<string, string> = {
  year: '年度',
  title: '决策事项',
  catalogueItemId: '目录事项',
  summary: '决策内容摘要',
  orgId: '承办单位',
  leader: '分管领导',
  handler: '承办人',
  participationRequired: '是否需要公众参与',
  participationNaReason: '公众参与不适用理由',
  participationMethods: '公众参与方式',
  participationFrom: '征求意见开始日期',
  participationTo: '征求意见截止日期',
  participationShortReason: '征求意见期限缩短理由',
  participationOn: '公众参与完成日期',
  participationRecord: '意见采纳情况',
  expertRequired: '是否需要专家论证',
  expertNaReason: '专家论证不适用理由',
  expertOn: '专家论证日期',
  expertExperts: '论证专家',
  expertRecord: '论证意见',
  riskRequired: '是否需要风险评估',
  riskNaReason: '风险评估不适用理由',
  riskOn: '风险评估日期',
  riskLevel: '风险等级',
  riskRecord: '风险评估结论',
  reviewSubmittedOn: '送审日期',
  reviewOn: '审查意见日期',
  reviewResult: '合法性审查意见',
  reviewOpinion: '审查意见内容',
  discussionOn: '集体讨论日期',
  discussionMeeting: '会议名称',
  discussionAttendees: '参会人员',
  discussionResult: '决定结果',
  discussionContent: '决定内容',
  discussionDissent: '不同意见',
  discussionHeadReason: '首长决定理由',
  discussionShortReviewReason: '审查时间不足理由',
  publicationRequired: '是否公布',
  publicationNaReason: '不予公开理由',
  publicationOn: '公布日期',
  publicationChannel: '公布途径',
  publicationRef: '公布文号',
  evaluationRequired: '是否开展决策后评估',
  evaluationNaReason: '未评估理由',
  evaluationOn: '决策后评估日期',
  evaluationBy: '评估单位',
  evaluationRecord: '决策后评估结论',
  archivedOn: '归档日期',
};

const oneOf = <T extends string>(field: string, values: readonly T[], v: string | null | undefined): T | null => {
  const s = str(v);
  if (!s) return null;
  if (!(values as readonly string[]).includes(s)) throw errors.validation(field, `${DECISION_COLUMNS[field] ?? field}应为：${values.join('、')}`);
  return s as T;
};
const pair = (a: [string, unknown], b: [string, unknown], what: string) => {
  if (!!a[1] !== !!b[1]) throw errors.validation(a[1] ? b[0] : a[0], `${what}须同时填写`);
};

/** 决策后评估 is optional by law (第三十六条“可以”): without a stated reason, this one. */
export const EVALUATION_DEFAULT_REASON = '未出现需要组织决策后评估的情形（条例第三十六条）';

/** Checks one decision's fields: the values to store (with the findings a past record may show), or a 400 naming the field. */
function decisionValues(s: DecisionSave, cal: Ctx['calendar']) {
  const title = check.text('title', '决策事项', s.title, { required: true, max: 300 })!;
  const year = check.int('year', '年度', s.year, { required: true, min: 2000, max: 2100 })!;
  const steps: Record<OptionalStep, { required: boolean; reason: string | null }> = {
    participation: { required: s.participationRequired !== false, reason: str(s.participationNaReason) || null },
    expert: { required: s.expertRequired !== false, reason: str(s.expertNaReason) || null },
    risk: { required: s.riskRequired !== false, reason: str(s.riskNaReason) || null },
    publication: { required: s.publicationRequired !== false, reason: str(s.publicationNaReason) || null },
    evaluation: { required: s.evaluationRequired === true, reason: str(s.evaluationNaReason) || EVALUATION_DEFAULT_REASON },
  };
  for (const [k, v] of Object.entries(steps) as Array<[OptionalStep, { required: boolean; reason: string | null }]>) {
    const b = applicabilityBreaches(k, v.required, v.reason);
    if (b.length) throw errors.validation(`${k}NaReason`, b[0]!.message);
  }
  const methods = (s.participationMethods ?? []).map((m) => oneOf('participationMethods', PARTICIPATION_METHODS, m)!);
  const pFrom = optDate('participationFrom', '征求意见开始日期', s.participationFrom);
  const pTo = optDate('participationTo', '征求意见截止日期', s.participationTo);
  pair(['participationFrom', pFrom], ['participationTo', pTo], '征求意见开始日期与截止日期');
  const pOn = optDate('participationOn', '公众参与完成日期', s.participationOn);
  const eOn = optDate('expertOn', '专家论证日期', s.expertOn);
  const rOn = optDate('riskOn', '风险评估日期', s.riskOn);
  const riskLevel = oneOf('riskLevel', RISK_LEVELS, s.riskLevel);
  const submitted = optDate('reviewSubmittedOn', '送审日期', s.reviewSubmittedOn);
  const reviewOn = optDate('reviewOn', '审查意见日期', s.reviewOn);
  const reviewResult = oneOf('reviewResult', REVIEW_RESULTS, s.reviewResult);
  pair(['reviewOn', reviewOn], ['reviewResult', reviewResult], '审查意见日期与合法性审查意见');
  if (reviewOn && !submitted) throw errors.validation('reviewSubmittedOn', '有审查意见的，应填写送审日期');
  const dOn = optDate('discussionOn', '集体讨论日期', s.discussionOn);
  const dResult = oneOf('discussionResult', DISCUSSION_RESULTS, s.discussionResult);
  pair(['discussionOn', dOn], ['discussionResult', dResult], '集体讨论日期与决定结果');
  const pubOn = optDate('publicationOn', '公布日期', s.publicationOn);
  const evOn = optDate('evaluationOn', '评估日期', s.evaluationOn);
  const archivedOn = optDate('archivedOn', '归档日期', s.archivedOn);
  for (const [k, required, done] of [
    ['participation', steps.participation.required, pOn ?? pFrom],
    ['expert', steps.expert.required, eOn],
    ['risk', steps.risk.required, rOn],
    ['publication', steps.publication.required, pubOn],
  ] as const)
    if (!required && done) throw errors.validation(`${k}Required`, `${DECISION_COLUMNS[`${k}Required`]}为“否”，却填写了该程序的日期`);
  if (pubOn && dResult !== '同意') throw errors.validation('publicationOn', '决定作出（集体讨论同意）后方可公布');
  if (evOn && dResult !== '同意') throw errors.validation('evaluationOn', '决定作出后方可开展决策后评估');
  // 作出决定: every required step done and the review passed — a record that says otherwise is refused, not stored.
  if (dResult) {
    if (!reviewPasses(reviewResult)) throw errors.validation('reviewResult', `未经合法性审查同意，不得提交集体讨论（重大行政决策程序暂行条例第二十五条）`);
    if (dResult === '同意') {
      const gaps = missingSteps({
        participation: { required: steps.participation.required, done: !!pOn },
        expert: { required: steps.expert.required, done: !!eOn },
        risk: { required: steps.risk.required, done: !!rOn },
        review: { result: reviewResult },
      });
      if (gaps.length) throw errors.validation(gaps[0]!.startsWith('公众') ? 'participationOn' : gaps[0]!.startsWith('专家') ? 'expertOn' : 'riskOn', gaps[0]!);
    }
  }
  if (dOn && reviewOn && dOn < reviewOn) throw errors.validation('discussionOn', `集体讨论日期${dOn}不能早于审查意见日期${reviewOn}`);
  if (reviewOn && submitted && reviewOn < submitted) throw errors.validation('reviewOn', `审查意见日期${reviewOn}不能早于送审日期${submitted}`);
  // Rules a past record can break: refused on a form, findings on an import.
  const breaches: RuleBreach[] = [
    ...(pFrom && pTo ? commentPeriodBreaches({ from: pFrom, to: pTo, shortReason: s.participationShortReason }) : []),
    ...(submitted && dOn ? reviewTimeBreaches({ submittedOn: submitted, discussedOn: dOn, shortReason: s.discussionShortReviewReason }, cal) : []),
    ...(dResult ? discussionBreaches({ result: dResult, headDiffers: !!str(s.discussionHeadReason), headReason: s.discussionHeadReason }) : []),
  ].map((b) => ({ ...b, column: DECISION_COLUMNS[b.field ?? ''] ?? b.column }));
  const values = {
    year,
    title,
    summary: str(s.summary) || null,
    leader: str(s.leader) || null,
    handler: str(s.handler) || null,
    participation_required: steps.participation.required,
    participation_na_reason: steps.participation.required ? null : steps.participation.reason,
    participation_methods: methods.length ? methods.join('、') : null,
    participation_from: pFrom,
    participation_to: pTo,
    participation_short_reason: str(s.participationShortReason) || null,
    participation_on: pOn,
    participation_record: str(s.participationRecord) || null,
    expert_required: steps.expert.required,
    expert_na_reason: steps.expert.required ? null : steps.expert.reason,
    expert_on: eOn,
    expert_experts: str(s.expertExperts) || null,
    expert_record: str(s.expertRecord) || null,
    risk_required: steps.risk.required,
    risk_na_reason: steps.risk.required ? null : steps.risk.reason,
    risk_on: rOn,
    risk_level: riskLevel,
    risk_record: str(s.riskRecord) || null,
    review_submitted_on: submitted,
    review_on: reviewOn,
    review_result: reviewResult,
    review_opinion: str(s.reviewOpinion) || null,
    discussion_on: dOn,
    discussion_meeting: str(s.discussionMeeting) || null,
    discussion_attendees: str(s.discussionAttendees) || null,
    discussion_result: dResult,
    discussion_content: str(s.discussionContent) || null,
    discussion_dissent: str(s.discussionDissent) || null,
    discussion_head_reason: str(s.discussionHeadReason) || null,
    discussion_short_review_reason: str(s.discussionShortReviewReason) || null,
    publication_required: steps.publication.required,
    publication_na_reason: steps.publication.required ? null : steps.publication.reason,
    publication_on: pubOn,
    publication_channel: str(s.publicationChannel) || null,
    publication_ref: str(s.publicationRef) || null,
    evaluation_required: steps.evaluation.required || !!evOn,
    evaluation_na_reason: steps.evaluation.required || evOn ? null : steps.evaluation.reason,
    evaluation_on: evOn,
    evaluation_by: str(s.evaluationBy) || null,
    evaluation_record: str(s.evaluationRecord) || null,
    archived_on: archivedOn,
    status: statusOf({ reviewSubmittedOn: submitted, reviewResult, discussionResult: dResult, publicationOn: pubOn, archivedOn }),
  };
  return { values, breaches };
}

/** The deadlines a decision tracks: the public comment period, and the legality review's time. */
export function decisionTracks(
  r: Pick<DecisionRow, 'id' | 'org_id' | 'title' | 'participation_from' | 'participation_to' | 'participation_on' | 'review_submitted_on' | 'review_on'>,
): TrackInput[] {
  const base = { module: 'decisions', entity: DECISION_ENTITY, entityId: r.id, orgId: r.org_id, label: r.title };
  const out: TrackInput[] = [];
  if (r.participation_from && r.participation_to)
    out.push({
      ...base,
      title: '公开征求意见期限',
      rule: commentPeriodRule(r.participation_from, r.participation_to),
      start: r.participation_from,
      doneOn: r.participation_on,
    });
  if (r.review_submitted_on) out.push({ ...base, title: REVIEW_TERM_RULE.label, rule: REVIEW_TERM_RULE, start: r.review_submitted_on, doneOn: r.review_on });
  return out;
}

const auditView = (r: AnyRow): Record<string, unknown> =>
  Object.fromEntries(Object.entries(r).filter(([k]) => !['tenant_id', 'id', 'version', 'created_at', 'updated_at'].includes(k)));

/**
 * Saves decisions: the form registers one (live: one audit event; a broken rule refuses it), a ledger
 * many (historical: provenance; a broken rule is a finding, a decision made with a required step
 * missing a row error). Matched on 年度 and 决策事项; tracks the deadlines of each.
 */
export async function saveDecisions(sys: Sys, w: WriteScope, inputs: ReadonlyArray<DecisionSave>, origin: WriteOrigin): Promise<SaveResult> {
  const ctx = w.ctx;
  const actor: Actor = ctx.actor;
  const errs: RowError[] = [];
  const stored = await decisionsByKey(
    w.tx,
    actor.tenantId,
    inputs.map((i) => Number(i.year) || 0),
  );
  const existing = new Map(stored.map((r) => [`${r.year}|${r.title}`, r]));
  const items: CheckedItem[] = [];
  for (const s of inputs) {
    const v = attempt(origin, { row: s.row, columns: DECISION_COLUMNS, errs }, () => decisionValues(s, ctx.calendar));
    if (!v) continue;
    const old = existing.get(`${v.values.year}|${v.values.title}`);
    if (old && origin.mode === 'live') throw errors.duplicate('title', `${v.values.year}年已登记决策“${v.values.title}”`);
    let catalogueItemId: string | null = null;
    const cid = str(s.catalogueItemId);
    if (cid) {
      const item = isUuid(cid) ? await getCatalogueItem(w.tx, actor.tenantId, cid) : undefined;
      const bad = !item ? '目录事项不存在' : item.year !== v.values.year ? `目录事项属于${item.year}年目录，与决策年度不符` : null;
      if (bad) {
        rowFailure(origin, errs, { row: s.row, column: DECISION_COLUMNS.catalogueItemId! }, errors.validation('catalogueItemId', bad));
        continue;
      }
      catalogueItemId = cid;
    }
    const orgId =
      old?.org_id ??
      (await attemptLookup(origin, errs, { row: s.row, column: DECISION_COLUMNS.orgId! }, () =>
        ownerOrgForCreate({ db: w.tx, actor }, str(s.orgId) || null, '承办单位'),
      ));
    if (!orgId) continue;
    if (origin.mode === 'live') refuse(v.breaches);
    items.push({ row: s.row, old, values: { org_id: orgId, catalogue_item_id: catalogueItemId, ...v.values }, breaches: v.breaches });
  }
  return saveChecked<DecisionRow>(sys, w, origin, { table: 'dec_decision', entity: DECISION_ENTITY, items, errs, view: auditView, tracks: decisionTracks });
}

/** 决策登记 (audit `decisions.decision.created`): the draft with the steps it requires. */
export async function registerDecision(ctx: Ctx, sys: Sys, input: RegisterInput): Promise<DecisionWithOrg> {
  return write(ctx, async (w) => {
    const r = await saveDecisions(sys, w, [input], { mode: 'live' });
    return (await getDecision(w.tx, ctx, r.ids[0]!))!;
  });
}

/**
 * One workflow event on a decision: loads it in scope, checks the version and that the workflow allows
 * the event now, applies the event's pure changes with the stage it leads to, audits
 * `decisions.decision.<event>`, re-tracks the deadlines (the kernel's `runWorkflowEvent`).
 */
export async function applyDecisionEvent(
  ctx: Ctx,
  sys: Sys,
  input: { id: string; event: DecisionEventName; body: Record<string, unknown> & { version: number; on: string } },
): Promise<DecisionWithOrg> {
  const { id, event, body } = input;
  const cmd = DECISION_EVENTS[event];
  return runWorkflowEvent<DecisionWithOrg, ReturnType<typeof cmd.apply>>(ctx, sys, {
    table: 'dec_decision',
    id,
    body,
    label: '重大行政决策',
    load: (w) => getDecision(w.tx, ctx, id),
    step: (d, on) => requireDecisionStep(decisionWho(ctx.actor), d.status, event, decisionFacts(d, on)),
    // biome-ignore lint/suspicious/noExplicitAny: each event's input type is checked by its own TypeBox schema at the route
    apply: (d, on) => cmd.apply({ d, on, calendar: ctx.calendar }, body as any),
    audit: { entity: DECISION_ENTITY, action: event },
    tracks: (row) => decisionTracks(row as DecisionRow),
  });
}
