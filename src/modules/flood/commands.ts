import { FLOOD_FIELDS } from './labels.js';
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Static } from '@fastify/type-provider-typebox';
import type { Ctx } from '../../core/context.js';
import type { KernelDB } from '../../core/db/types.js';
import { write, type WriteScope } from '../../core/audit/audit.js';
import { errors } from '../../core/errors.js';
import { isUuid } from '../../core/ids.js';
import { updateVersioned } from '../../core/versioned.js';
import { assertInScope, inScope, ownerOrgForCreate } from '../../core/scope.js';
import { addDays, isIsoDate } from '../../core/calendar/calendar.js';
import { insertMany, updateMany } from '../../core/db/bulk.js';
import { enforceRules, type Finding, type RowError, type RuleBreach, type TraceEntry, type WriteOrigin } from '../../core/ledger/ledger.js';
import { check, FLOOD_DEPARTMENT, homeOrg, orgNames } from './input.js';
import {
  allWorks,
  deleteDutyLines,
  deploymentsForUpdate,
  disclosureOfYear,
  dispatchOn,
  dutyLinesBetween,
  firstDispatchOutside,
  insertDisclosure,
  insertDispatch,
  insertWarning,
  progressOfPoints,
  projectsForUpdate,
  riskPointsByIdForUpdate,
  riskPointsForUpdate,
  streetIds,
  warningById,
  worksForUpdate,
} from './repository.js';
import { deploymentAudit, projectAudit, publicWork, riskPointAudit, workAudit } from './presenters.js';
import { dispatchDateProblem, FLOOD_RULES, progressBreaches, progressError, RISK_STATUSES, RISK_TRANSITIONS, rosterIssues, type DutyEntry } from './rules.js';
import { attempt, rowFailure, rowsById, type AnyRow, type Item } from '../../core/persist.js';
import { Batch, carried, failed, idsOf, saveOne, textsOf, type SaveSummary } from './batch.js';
import {
  DeploymentBody,
  type DispatchBody,
  type DisclosureBody,
  type ProgressBody,
  ProjectBody,
  RiskPointBody,
  type WarningBody,
  WorkBody,
  type WorkPatch,
} from './bodies.js';
import { openPhone, sealPhone, sealWorkPhones } from './pii.js';
import type { FloodTables, ProjectKind, RiskLevel, RiskStatus, WarningLevel } from './schema.js';
import type { Selectable } from 'kysely';

/** A stored row of a flood table. */
export type FloodRow<K extends keyof FloodTables> = Selectable<FloodTables[K]>;

const LEVELS: readonly RiskLevel[] = ['高', '中', '低'];
export const PROJECT_KINDS: readonly ProjectKind[] = ['内涝治理项目', '零星排水改造应急工程'];
export const WARNING_LEVELS: readonly WarningLevel[] = ['蓝色', '黄色', '橙色', '红色'];
export type { SaveSummary } from './batch.js';

/** Historical mode: each breach becomes a finding on the record. */
function report(
  origin: WriteOrigin,
  list: ReadonlyArray<{ row?: number; entity: string; entityId: string; orgId: string | null; breaches: readonly RuleBreach[] }>,
): void {
  if (origin.mode !== 'historical') return;
  const out: Finding[] = [];
  for (const x of list) for (const b of x.breaches) out.push({ ...b, row: x.row ?? 0, entity: x.entity, entityId: x.entityId, orgId: x.orgId });
  if (out.length) origin.imp.finding(out);
}

function mustBeStreet(ctx: Ctx, streets: ReadonlySet<string>, field: string, orgId: unknown): string {
  if (typeof orgId !== 'string' || !orgId) throw errors.validation(field, '请选择所在街道');
  if (!streets.has(orgId)) throw errors.validation(field, '所在街道不存在');
  assertInScope(ctx.actor, orgId, '街道');
  return orgId;
}

/**
 * 数据范围 on create for the street a form names (`ownerOrgForCreate`): a named street
 * must exist in the tenant and lie within the actor's scope (404 naming 所在街道, before
 * the field check that it is a street); none named on a new record, a street user's
 * own street (a bureau-wide user's stays unnamed: required, or the flood department,
 * as the record says). `current` is the record's street (null: none; undefined: a new
 * record); a street it already has is not re-checked. Anything else is left to the
 * field checks. Ledger imports name the street per row and are checked there.
 */
async function formStreet(ctx: Ctx, w: WriteScope, requested: unknown, current: string | null | undefined): Promise<unknown> {
  const db = { db: w.tx, actor: ctx.actor };
  if (typeof requested === 'string' && requested) return requested === current ? requested : ownerOrgForCreate(db, requested, '所在街道');
  if ((requested === undefined || requested === null || requested === '') && current === undefined && !ctx.actor.scope.all)
    return ownerOrgForCreate(db, null, '所在街道');
  return requested;
}

/**
 * The owner of a form's new record, or of one a form moves to another unit (a change
 * of street, or to none: the flood department), must lie within the actor's scope
 * (`ownerOrgForCreate`, 404 naming `what`).
 */
async function checkFormOwner(w: WriteScope, origin: WriteOrigin, rec: { old: AnyRow | undefined; orgId: string; what: string }): Promise<void> {
  if (origin.mode === 'live' && (!rec.old || rec.old.org_id !== rec.orgId)) await ownerOrgForCreate({ db: w.tx, actor: w.ctx.actor }, rec.orgId, rec.what);
}

/**
 * The flood department (水旱灾害防御科): by design the owner of the bureau's duty roster,
 * emergency deployments, drought / salt-tide warnings and the yearly disclosure of the
 * responsible persons — the bureau's records, not a street's. Through
 * `ownerOrgForCreate`, so a user whose scope does not hold the department (a street
 * user) is refused with 404, as for the enforcement catalogue.
 */
async function floodDepartment(ctx: Ctx, db: Kysely<KernelDB>): Promise<string> {
  return ownerOrgForCreate({ db, actor: ctx.actor }, await homeOrg(db, ctx.actor.tenantId, FLOOD_DEPARTMENT), FLOOD_DEPARTMENT);
}

// ─────────────────────────── 水浸风险点 ───────────────────────────

/** What a risk point's form sends (`RiskPointBody`); the ledgers send the same fields. */
export type RiskPointInput = Static<typeof RiskPointBody>;
const RISK_INPUT_KEYS = Object.keys(RiskPointBody.properties) as Array<keyof RiskPointInput>;

/** A risk point to save: a new one, or (with `id`, or a known 编号 in an import) an update; `status`/`completedOn` only from a ledger. */
export interface RiskPointSave extends RiskPointInput {
  row?: number;
  id?: string;
  version?: number;
  status?: RiskStatus;
  completedOn?: string | null;
}

/** Ledger column of each input field (水浸风险点台账): the fields' names in the module's labels. */
export const RISK_POINT_COLUMNS: Readonly<Record<string, string>> = Object.fromEntries(
  (
    [
      'code',
      'name',
      'orgId',
      'lng',
      'lat',
      'riskLevel',
      'registeredOn',
      'measure',
      'status',
      'completedOn',
      'adminPerson',
      'techPerson',
      'patrolPerson',
    ] as const
  ).map((k) => [k, FLOOD_FIELDS[k]]),
);

function riskPointValues(ctx: Ctx, streets: ReadonlySet<string>, i: RiskPointInput) {
  const lng = check.num('lng', '经度', i.lng, { min: 73, max: 136 });
  const lat = check.num('lat', '纬度', i.lat, { min: 3, max: 54 });
  if ((lng == null) !== (lat == null)) throw errors.validation(lng == null ? 'lng' : 'lat', '经度和纬度须同时填写');
  return {
    code: check.text('code', '编号', i.code, { required: true, max: 40 })!,
    name: check.text('name', '名称', i.name, { required: true, max: 100 })!,
    org_id: mustBeStreet(ctx, streets, 'orgId', i.orgId),
    lng,
    lat,
    risk_level: check.oneOf('riskLevel', '风险等级', i.riskLevel, { values: LEVELS }),
    registered_on: check.date('registeredOn', '纳入台账日期', i.registeredOn, { required: true })!,
    measure: check.text('measure', '整治措施', i.measure, { max: 500 }),
    admin_person: check.text('adminPerson', '行政责任人', i.adminPerson, { max: 50 }),
    tech_person: check.text('techPerson', '技术责任人', i.techPerson, { max: 50 }),
    patrol_person: check.text('patrolPerson', '巡查责任人', i.patrolPerson, { max: 50 }),
  };
}

/**
 * Saves risk points — the one write path of 水浸风险点 (the form: one input, live;
 * the 水浸风险点台账 and 责任人台账 imports: many, historical). A new point is matched on
 * 编号 in an import (known: an update of the fields given); in a form a taken 编号 is
 * refused. A status a ledger changes is also a dated progress entry; a status moved
 * back (or after 已完成) is a finding of the import. Audit `flood.risk_point.created` /
 * `updated` per point in live mode; provenance in historical mode.
 */
export async function saveRiskPoints(
  w: WriteScope,
  inputs: readonly RiskPointSave[],
  origin: WriteOrigin,
): Promise<SaveSummary & { rows: FloodRow<'flood_risk_point'>[] }> {
  const ctx = w.ctx;
  const tenantId = ctx.actor.tenantId;
  const streets = await streetIds(w.tx, tenantId);
  const existing = await riskPointsForUpdate(w.tx, tenantId, { ids: idsOf(inputs), codes: textsOf(inputs.map((i) => i.code)) });
  const batch = new Batch(w, origin, { label: '风险点', column: '编号', field: 'code', keyOf: (r) => r.code, columns: RISK_POINT_COLUMNS }, existing);
  const items: Array<Item<Record<string, unknown>> & { prior: RiskStatus; breaches: RuleBreach[] }> = [];
  for (const input of inputs) {
    const old = batch.stored(input, input.code?.trim());
    if (old === null) continue;
    let merged: RiskPointSave = old ? { ...riskPointAudit(old as FloodRow<'flood_risk_point'>), ...input } : input;
    // A form's new point, or one moved to another street: the street through the scope on create.
    if (origin.mode === 'live') merged = { ...merged, orgId: (await formStreet(ctx, w, merged.orgId, old ? old.org_id : undefined)) as string | undefined };
    const values = batch.check(input, () => riskPointValues(ctx, streets, merged));
    if (!values) continue;
    if (!batch.claim(input, { key: values.code, old, value: values.code, taken: `编号“${values.code}”已被其他风险点使用` })) continue;
    const prior: RiskStatus = old?.status ?? '未整治';
    const status: RiskStatus = merged.status ?? prior;
    const completedOn = status === '已完成' ? (merged.completedOn ?? null) : null;
    const ok = batch.check(input, () => {
      if (!RISK_STATUSES.includes(status)) throw errors.validation('status', `整治状态应为${RISK_STATUSES.join('/')}`);
      if (status === '已完成' && !completedOn) throw errors.validation('completedOn', '整治状态为“已完成”时须填写完成日期');
      if (completedOn && values.registered_on > completedOn) throw errors.validation('registeredOn', '纳入台账日期不能晚于完成日期');
      return true;
    });
    if (!ok) continue;
    const breaches: RuleBreach[] =
      status !== prior && !RISK_TRANSITIONS[prior].includes(status)
        ? [
            {
              ...FLOOD_RULES.riskForward,
              message: prior === '已完成' ? `该风险点已完成整治，整治状态不能改为“${status}”` : `整治状态不能由“${prior}”改回“${status}”`,
              field: 'status',
              column: RISK_POINT_COLUMNS.status,
            },
          ]
        : [];
    enforceRules(origin, breaches);
    items.push({ row: input.row, old, values: { ...values, status, completed_on: completedOn }, prior, breaches });
  }
  const res = await batch.persist({ table: 'flood_risk_point', entity: 'flood.risk_point', items, view: riskPointAudit });
  if (res.errors.length) return res;
  report(
    origin,
    items.map((it, i) => ({ row: it.row, entity: 'flood.risk_point', entityId: res.rows[i]!.id, orgId: res.rows[i]!.org_id, breaches: it.breaches })),
  );
  // A status the ledger changes is also a dated progress record (the progress ledger stays complete).
  const moved = items.map((it, i) => ({ it, r: res.rows[i]!, action: res.actions[i] })).filter((x) => x.action !== 'unchanged' && x.r.status !== x.it.prior);
  await insertMany(
    w.tx,
    'flood_risk_progress',
    moved.map(({ r }) => ({
      tenant_id: tenantId,
      id: crypto.randomUUID(),
      org_id: r.org_id,
      point_id: r.id,
      on_date: r.completed_on ?? ctx.clock.today(),
      status: r.status,
      note: origin.mode === 'historical' ? '台账导入' : '登记',
      created_by: ctx.actor.name,
      import_id: origin.mode === 'historical' ? origin.imp.importId : null,
    })),
  );
  return res;
}

/** 登记水浸风险点 (audit `flood.risk_point.created`); a new point starts 未整治. */
export async function createRiskPoint(ctx: Ctx, input: RiskPointInput) {
  return saveOne(ctx, saveRiskPoints, carried(input, RISK_INPUT_KEYS));
}

/** 修改风险点 (not its status: that moves by progress updates). Stale version → 409. */
export async function updateRiskPoint(ctx: Ctx, id: string, version: number, input: RiskPointInput) {
  return saveOne(ctx, saveRiskPoints, { ...carried(input, RISK_INPUT_KEYS), id, version });
}

// ─────────────────────────── 整治进度 ───────────────────────────

/** A progress report of a point (`ProgressBody`: what the form sends). */
export interface ProgressSave extends Static<typeof ProgressBody> {
  row?: number;
  pointId: string;
}

/** Ledger column of each progress field (整治进度台账). */
export const PROGRESS_COLUMNS: Readonly<Record<string, string>> = { pointId: '编号', onDate: '进展日期', status: '整治状态', note: '进展情况' };

/**
 * Records progress updates — the one write path of 整治进度 (the form: one, live; the
 * 整治进度台账 import: many, historical, in date order). Each moves its point's status
 * and, on 已完成, sets its 完成日期. What no update can be (a future date, one before
 * the last recorded) is an error; a status moved back or a date before registration
 * is refused in a form and a finding of an import. An import leaves an update it
 * already holds (same point, date, status, text) alone. Audit
 * `flood.risk_point.progressed` per update in live mode; in historical mode each
 * point touched is traced once (its status before and after).
 */
export async function saveProgress(
  w: WriteScope,
  inputs: readonly ProgressSave[],
  origin: WriteOrigin,
): Promise<SaveSummary & { entries: Array<{ point: FloodRow<'flood_risk_point'>; progress: FloodRow<'flood_risk_progress'> }> }> {
  const ctx = w.ctx;
  const tenantId = ctx.actor.tenantId;
  const errs: RowError[] = [];
  const pointIds = [...new Set(inputs.map((i) => i.pointId).filter(isUuid))];
  const points = new Map<string, AnyRow>((await riskPointsByIdForUpdate(w.tx, tenantId, pointIds)).map((p) => [p.id, p]));
  const progress = await progressOfPoints(w.tx, tenantId, pointIds);
  const have = new Set(progress.map((p) => `${p.point_id}|${p.on_date}|${p.status}|${p.note}`));
  const state = new Map<string, { status: RiskStatus; completedOn: string | null; last: string | null; row?: number; log: string[] }>();
  for (const p of points.values()) state.set(p.id, { status: p.status, completedOn: p.completed_on, last: null, log: [] });
  for (const p of progress) {
    const s = state.get(p.point_id)!;
    if ((s.last ?? '') < p.on_date) s.last = p.on_date;
  }
  const order = inputs
    .map((input, k) => ({ input, k }))
    .sort((a, b) => (a.input.onDate ?? '').localeCompare(b.input.onDate ?? '') || (a.input.row ?? a.k) - (b.input.row ?? b.k));
  const add: Array<{
    input: ProgressSave;
    point: AnyRow;
    values: { on_date: string; status: RiskStatus; note: string };
    before: { status: RiskStatus; completedOn: string | null };
    id: string;
  }> = [];
  const findings: Array<{ row?: number; entity: string; entityId: string; orgId: string | null; breaches: RuleBreach[] }> = [];
  let unchanged = 0;
  for (const { input } of order) {
    const point = points.get(input.pointId);
    if (!point) {
      rowFailure(origin, errs, { row: input.row, column: PROGRESS_COLUMNS.pointId! }, errors.notFound('风险点'));
      continue;
    }
    if (origin.mode === 'live') assertInScope(ctx.actor, point.org_id, '风险点');
    const v = attempt(origin, { row: input.row, columns: PROGRESS_COLUMNS, errs: errs }, () => ({
      on_date: check.date('onDate', '进展日期', input.onDate, { required: true })!,
      status: check.oneOf('status', '整治状态', input.status, { values: RISK_STATUSES, required: true })!,
      note: check.text('note', '进展情况', input.note, { required: true, max: 1000 })!,
    }));
    if (!v) continue;
    if (origin.mode === 'historical' && have.has(`${point.id}|${v.on_date}|${v.status}|${v.note}`)) {
      unchanged++;
      continue;
    }
    const st = state.get(point.id)!;
    const problem = progressError({ lastUpdateOn: st.last }, { onDate: v.on_date, status: v.status }, ctx.clock.today());
    if (problem) {
      rowFailure(
        origin,
        errs,
        { row: input.row, column: PROGRESS_COLUMNS[problem.field]!, value: problem.field === 'onDate' ? v.on_date : v.status },
        errors.validation(problem.field, problem.message),
      );
      continue;
    }
    const breaches = enforceRules(origin, progressBreaches({ status: st.status, registeredOn: point.registered_on }, { onDate: v.on_date, status: v.status }));
    if (breaches.length) findings.push({ row: input.row, entity: 'flood.risk_point', entityId: point.id, orgId: point.org_id, breaches: [...breaches] });
    const before = { status: st.status, completedOn: st.completedOn };
    st.status = v.status;
    st.completedOn = v.status === '已完成' ? v.on_date : null;
    st.last = v.on_date;
    st.row = input.row;
    st.log.push(`${v.on_date} ${v.status}：${v.note}`);
    add.push({ input, point, values: v, before, id: crypto.randomUUID() });
  }
  if (errs.length) return { ...failed(errs), entries: [] };
  const importId = origin.mode === 'historical' ? origin.imp.importId : null;
  await insertMany(
    w.tx,
    'flood_risk_progress',
    add.map((a) => ({
      tenant_id: tenantId,
      id: a.id,
      org_id: a.point.org_id,
      point_id: a.point.id,
      on_date: a.values.on_date,
      status: a.values.status,
      note: a.values.note,
      created_by: ctx.actor.name,
      import_id: importId,
    })),
  );
  const touched = [...new Set(add.map((a) => a.point.id))];
  const now = new Date();
  await updateMany(
    w.tx,
    'flood_risk_point',
    ['tenant_id', 'id'],
    touched.map((id) => ({
      tenant_id: tenantId,
      id,
      status: state.get(id)!.status,
      completed_on: state.get(id)!.completedOn,
      version: points.get(id)!.version + 1,
      updated_at: now,
    })),
  );
  report(origin, findings);
  const after = await rowsById(w, tenantId, 'flood_risk_point', touched);
  const stored = await rowsById(
    w,
    tenantId,
    'flood_risk_progress',
    add.map((a) => a.id),
  );
  if (origin.mode === 'historical') {
    origin.imp.trace(
      touched.map((id): TraceEntry => {
        const p = points.get(id)!;
        const s = state.get(id)!;
        return {
          row: s.row ?? 0,
          entity: 'flood.risk_point',
          entityId: id,
          action: 'updated',
          orgId: p.org_id,
          values: { status: s.status, completedOn: s.completedOn, progress: s.log.join('；') },
          before: { status: p.status, completed_on: p.completed_on, version: p.version, updated_at: p.updated_at },
        };
      }),
    );
  } else {
    await w.auditMany(
      add.map((a) => ({
        entity: 'flood.risk_point',
        entityId: a.point.id,
        action: 'progressed',
        orgId: a.point.org_id,
        before: a.before,
        after: { status: a.values.status, completedOn: a.values.status === '已完成' ? a.values.on_date : null },
        note: { progressId: a.id, onDate: a.values.on_date, note: a.values.note, ...(origin.via ? { via: origin.via } : {}) },
      })),
    );
  }
  return {
    created: add.length,
    updated: 0,
    unchanged,
    errors: [],
    entries: add.map((a) => ({
      point: after.get(a.point.id)! as FloodRow<'flood_risk_point'>,
      progress: stored.get(a.id)! as FloodRow<'flood_risk_progress'>,
    })),
  };
}

/**
 * 整治进度 — a dated progress update; moves the point's status (forward only) and,
 * on 已完成, sets its 完成日期. Audit `flood.risk_point.progressed` on the point.
 */
export async function addProgress(ctx: Ctx, pointId: string, input: Static<typeof ProgressBody>) {
  return write(ctx, async (w) => {
    const r = await saveProgress(w, [{ pointId, onDate: input.onDate, status: input.status, note: input.note }], { mode: 'live' });
    return r.entries[0]!;
  });
}

// ─────────────────────────── 内涝治理项目 / 零星排水改造应急工程 ───────────────────────────

/** What a project's form sends (`ProjectBody`). */
export type ProjectInput = Static<typeof ProjectBody>;
const PROJECT_INPUT_KEYS = Object.keys(ProjectBody.properties) as Array<keyof ProjectInput>;

export interface ProjectSave extends ProjectInput {
  row?: number;
  id?: string;
  version?: number;
}

export const PROJECT_COLUMNS: Readonly<Record<string, string>> = {
  name: '名称',
  kind: '类型',
  streetOrgId: '所在街道',
  startedOn: '开始日期',
  completedOn: '完成日期',
  status: '状态',
};

function projectValues(ctx: Ctx, streets: ReadonlySet<string>, home: string, i: ProjectInput) {
  const started = check.date('startedOn', '开始日期', i.startedOn);
  const completed = check.date('completedOn', '完成日期', i.completedOn);
  if (started && completed && completed < started) throw errors.validation('completedOn', '完成日期不能早于开始日期');
  const street = i.streetOrgId ? mustBeStreet(ctx, streets, 'streetOrgId', i.streetOrgId) : null;
  return {
    name: check.text('name', '名称', i.name, { required: true, max: 200 })!,
    kind: check.oneOf('kind', '类型', i.kind, { values: PROJECT_KINDS, required: true })!,
    street_org_id: street,
    org_id: street ?? home,
    started_on: started,
    completed_on: completed,
    status: check.text('status', '状态', i.status, { max: 20 }) ?? (completed ? '已完成' : started ? '实施中' : '未开工'),
  };
}

/**
 * Saves projects — the one write path of 内涝治理项目 / 零星排水改造应急工程 (form: one,
 * live; the ledger: many, historical, matched on 类型 + 名称). Owned by its street, or
 * by the flood department. Audit `flood.project.created` / `updated` in live mode.
 */
export async function saveProjects(
  w: WriteScope,
  inputs: readonly ProjectSave[],
  origin: WriteOrigin,
): Promise<SaveSummary & { rows: FloodRow<'flood_project'>[] }> {
  const ctx = w.ctx;
  const tenantId = ctx.actor.tenantId;
  const streets = await streetIds(w.tx, tenantId);
  const home = await homeOrg(w.tx, tenantId, FLOOD_DEPARTMENT);
  const existing = await projectsForUpdate(w.tx, tenantId, { ids: idsOf(inputs), names: textsOf(inputs.map((i) => i.name)) });
  const batch = new Batch(w, origin, { label: '项目', column: '名称', field: 'name', keyOf: (r) => `${r.kind}|${r.name}`, columns: PROJECT_COLUMNS }, existing);
  const items: Array<Item<Record<string, unknown>>> = [];
  for (const input of inputs) {
    const old = batch.stored(input, input.kind && input.name ? `${input.kind}|${input.name.trim()}` : undefined);
    if (old === null) continue;
    let merged: ProjectInput = old ? { ...projectAudit(old as FloodRow<'flood_project'>), ...input } : input;
    if (origin.mode === 'live')
      merged = { ...merged, streetOrgId: (await formStreet(ctx, w, merged.streetOrgId, old ? old.street_org_id : undefined)) as string | null | undefined };
    const values = batch.check(input, () => {
      const v = projectValues(ctx, streets, home, merged);
      if (!old && !ctx.actor.scope.all) assertInScope(ctx.actor, v.org_id);
      return v;
    });
    if (!values) continue;
    // Owned by its street, else by the flood department: a new project, or a change of street that moves one, must land in scope.
    await checkFormOwner(w, origin, { old, orgId: values.org_id, what: '项目的所属单位' });
    if (!batch.claim(input, { key: `${values.kind}|${values.name}`, old, value: values.name, taken: `${values.kind}“${values.name}”已存在` })) continue;
    items.push({ row: input.row, old, values });
  }
  return batch.persist({ table: 'flood_project', entity: 'flood.project', items, view: projectAudit });
}

/** 新建项目 (audit `flood.project.created`); owned by its street, or by the flood department. */
export async function createProject(ctx: Ctx, input: ProjectInput) {
  return saveOne(ctx, saveProjects, carried(input, PROJECT_INPUT_KEYS));
}

export async function updateProject(ctx: Ctx, id: string, version: number, input: ProjectInput) {
  return saveOne(ctx, saveProjects, { ...carried(input, PROJECT_INPUT_KEYS), id, version });
}

// ─────────────────────────── 抢险投入记录 ───────────────────────────

/** What a deployment's form sends (`DeploymentBody`). */
export type DeploymentInput = Static<typeof DeploymentBody>;
const DEPLOYMENT_INPUT_KEYS = Object.keys(DeploymentBody.properties) as Array<keyof DeploymentInput>;

export interface DeploymentSave extends DeploymentInput {
  row?: number;
  id?: string;
  version?: number;
}

export const DEPLOYMENT_COLUMNS: Readonly<Record<string, string>> = {
  onDate: '日期',
  event: '事件',
  persons: '投入人员 (人次)',
  pumps: '抽水泵 (台次)',
  vehicles: '车辆 (台次)',
  note: '事件',
};

function deploymentValues(i: DeploymentInput) {
  return {
    on_date: check.date('onDate', '日期', i.onDate, { required: true })!,
    event: check.text('event', '事件', i.event, { required: true, max: 200 })!,
    persons: check.int('persons', '投入人员（人次）', i.persons, { required: true, min: 0, max: 100000 })!,
    pumps: check.int('pumps', '抽水泵（台次）', i.pumps, { required: true, min: 0, max: 100000 })!,
    vehicles: check.int('vehicles', '车辆（台次）', i.vehicles, { required: true, min: 0, max: 100000 })!,
    note: check.text('note', '备注', i.note, { max: 500 }),
  };
}

/**
 * Saves deployments — the one write path of 抢险投入记录 (form: one, live; the ledger:
 * many, historical, matched on 日期 + 事件). One record per event and day. Audit
 * `flood.deployment.created` / `updated` in live mode.
 */
export async function saveDeployments(
  w: WriteScope,
  inputs: readonly DeploymentSave[],
  origin: WriteOrigin,
): Promise<SaveSummary & { rows: FloodRow<'flood_deployment'>[] }> {
  const ctx = w.ctx;
  const tenantId = ctx.actor.tenantId;
  // The flood department's by design (`floodDepartment`): a form's new record goes through the scope on create.
  const home = origin.mode === 'live' && inputs.some((i) => !i.id) ? await floodDepartment(ctx, w.tx) : await homeOrg(w.tx, tenantId, FLOOD_DEPARTMENT);
  const dates = inputs.map((i) => i.onDate).filter((d): d is string => isIsoDate(d));
  const existing = await deploymentsForUpdate(w.tx, tenantId, { ids: idsOf(inputs), dates });
  const keyOf = (r: AnyRow) => `${r.on_date}|${r.event}`;
  const batch = new Batch(w, origin, { label: '投入记录', column: '事件', field: 'event', keyOf, columns: DEPLOYMENT_COLUMNS }, existing);
  const items: Array<Item<Record<string, unknown>>> = [];
  for (const input of inputs) {
    // An import's new record is the flood department's: it must lie within the actor's scope.
    const inScopeOfImport = () => {
      assertInScope(ctx.actor, home);
      return true;
    };
    if (!input.id && origin.mode === 'historical' && !batch.check(input, inScopeOfImport)) continue;
    const old = batch.stored(input, input.onDate && input.event ? `${input.onDate}|${input.event.trim()}` : undefined);
    if (old === null) continue;
    const merged: DeploymentInput = old ? { ...deploymentAudit(old as FloodRow<'flood_deployment'>), ...input } : input;
    const values = batch.check(input, () => deploymentValues(merged));
    if (!values) continue;
    const taken = `${values.on_date}“${values.event}”已有投入记录，请修改原记录`;
    if (!batch.claim(input, { key: keyOf(values), old, value: values.event, taken })) continue;
    items.push({ row: input.row, old, values: old ? values : { ...values, org_id: home } });
  }
  return batch.persist({ table: 'flood_deployment', entity: 'flood.deployment', items, view: deploymentAudit });
}

/** 记录抢险投入 (audit `flood.deployment.created`). One record per event and day. */
export async function createDeployment(ctx: Ctx, input: DeploymentInput) {
  return saveOne(ctx, saveDeployments, carried(input, DEPLOYMENT_INPUT_KEYS));
}

export async function updateDeployment(ctx: Ctx, id: string, version: number, input: DeploymentInput) {
  return saveOne(ctx, saveDeployments, { ...carried(input, DEPLOYMENT_INPUT_KEYS), id, version });
}

// ─────────────────────────── 值班表 ───────────────────────────

export interface DutyInput extends DutyEntry {
  phone?: string | null;
}

/** Lines of a day as one audit value, e.g. “全天A角 张三；全天B角 李四”. */
const dayText = (es: ReadonlyArray<{ shift: string; role: string; person: string }>) =>
  es
    .map((e) => `${e.shift}${e.role} ${e.person}`)
    .sort()
    .join('；');

/** A duty line's phone as stored: encrypted, with its blind index. */
const phoneColumns = (plain: string | null) => {
  const s = sealPhone(plain);
  return { phone: s.phone, phone_idx: s.idx };
};

/** Lines of a day with their phones, to tell whether a day really changes. */
const dayKey = (es: ReadonlyArray<{ shift: string; role: string; person: string; phone: string | null }>) =>
  es
    .map((e) => `${e.shift}|${e.role}|${e.person}|${e.phone ?? ''}`)
    .sort()
    .join('\n');

/** The outcome of a roster save: what changed (live mode throws on any issue). */
export interface RosterResult {
  ok: true;
  from: string;
  to: string;
  days: number;
  changedDays: number;
  entries: number;
}

/** Ledger column of each duty field (值班表). */
export const DUTY_COLUMNS: Readonly<Record<string, string>> = { date: '日期', shift: '班次', role: '角色 (A角/B角)', person: '姓名', phone: '联系电话' };

/**
 * 排班 — the one write path of the duty roster (the form: the days edited, live; the
 * 值班表 import: a past or coming roster, historical). The entries replace the roster
 * of the days they cover. Checked against `rosterIssues` and the days just before and
 * after: a line that cannot be (bad date, unknown shift, empty name, bad phone) is an
 * error; a day without both roles, one person on overlapping shifts, or a day of the
 * span with no duty at all refuse a form's roster as a whole, and are findings of an
 * import (a real past roster stays as it was). Audit `flood.duty.scheduled` per day
 * whose roster changed (live); each day an import creates or changes is traced
 * (entity `flood.duty`, id = the date). Counts are in roster lines.
 */
export async function saveDutyDays(
  w: WriteScope,
  entries: ReadonlyArray<DutyInput & { row?: number }>,
  origin: WriteOrigin,
): Promise<SaveSummary & { result: RosterResult | null }> {
  const ctx = w.ctx;
  // An entry as errors name it: its ledger row, or its place in the form's list.
  const describe = (i: number) => {
    const row = entries[i]?.row;
    return row ? `第${row}行` : `第${i + 1}条`;
  };
  const tenantId = ctx.actor.tenantId;
  const live = origin.mode === 'live';
  const issues: Array<{ index: number; field: string; message: string; rule?: string; statute?: string; date?: string }> = [];
  entries.forEach((e, i) => {
    try {
      check.phone('phone', '联系电话', e.phone);
    } catch (err) {
      issues.push({ index: i, field: 'phone', message: (err as Error).message });
    }
  });
  if (!entries.length) {
    if (live)
      throw errors.validation('entries.0.date', '第1条「日期」：值班表没有内容', [
        { index: 0, field: 'date', message: '值班表没有内容', entry: describe(0), column: FIELD_LABEL.date },
      ]);
    return { created: 0, updated: 0, unchanged: 0, errors: [], result: null };
  }
  // The roster is the flood department's by design (`floodDepartment`).
  const org = await floodDepartment(ctx, w.tx);
  const dates = entries
    .map((e) => e.date)
    .filter((d) => isIsoDate(d))
    .sort();
  const from = dates[0];
  const to = dates.at(-1);
  const inFile = new Set(dates);
  const stored = from && to ? await dutyLinesBetween(w.tx, tenantId, { from: addDays(from, -1), to: addDays(to, 1) }) : [];
  const context = stored.filter((r) => !inFile.has(r.duty_date)).map((r) => ({ date: r.duty_date, shift: r.shift, role: r.role, person: r.person }));
  issues.push(...rosterIssues(entries, { context, describe }));
  if (from && to) {
    const staffed = new Set([...inFile, ...(live ? [] : stored.map((r) => r.duty_date))]);
    for (let d = from; d <= to; d = addDays(d, 1)) {
      if (staffed.has(d)) continue;
      const next = entries.findIndex((e) => e.date > d);
      issues.push({
        index: live ? entries.length - 1 : next,
        field: 'date',
        message: `${d} 没有安排值班：${from}至${to}之间每天都须安排A角和B角`,
        ...FLOOD_RULES.dutyEveryDay,
        date: d,
      });
    }
  }
  issues.sort((a, b) => a.index - b.index);
  if (live && (issues.length || !from || !to)) {
    const first = issues[0] ?? { index: 0, field: 'date', message: '日期无效' };
    throw errors.validation(
      `entries.${first.index}.${first.field}`,
      `${describe(first.index)}「${FIELD_LABEL[first.field] ?? first.field}」：${first.message}`,
      issues.map((x) => ({ index: x.index, field: x.field, message: x.message, entry: describe(x.index), column: FIELD_LABEL[x.field] })),
    );
  }
  const rowOf = (i: number) => entries[i]?.row ?? 0;
  const rowErrors: RowError[] = issues
    .filter((x) => !x.rule)
    .map((x) => ({
      row: rowOf(x.index),
      column: DUTY_COLUMNS[x.field] ?? x.field,
      message: x.message,
      value: String((entries[x.index] as unknown as Record<string, unknown> | undefined)?.[x.field] ?? ''),
    }));
  if (rowErrors.length || !from || !to) return { ...failed(rowErrors), result: null };
  // The days of the file: replaced when their lines differ from the stored ones.
  const byDay = <E extends { date: string }>(xs: readonly E[]) => {
    const m = new Map<string, E[]>();
    for (const x of xs) m.set(x.date, [...(m.get(x.date) ?? []), x]);
    return m;
  };
  const before = byDay(
    stored
      .filter((r) => inFile.has(r.duty_date))
      .map((r) => ({ date: r.duty_date, shift: r.shift, role: r.role, person: r.person, phone: openPhone(r.phone) })),
  );
  const after = byDay(
    entries.map((e, i) => ({ date: e.date, shift: e.shift.trim(), role: e.role, person: e.person.trim(), phone: e.phone?.trim() || null, i })),
  );
  const days = [...after.keys()].sort();
  const written = live ? days : days.filter((d) => dayKey(before.get(d) ?? []) !== dayKey(after.get(d)!));
  if (written.length) {
    await deleteDutyLines(w.tx, tenantId, written);
    await insertMany(
      w.tx,
      'flood_duty',
      written.flatMap((d) =>
        after.get(d)!.map((e) => ({
          tenant_id: tenantId,
          id: crypto.randomUUID(),
          org_id: org,
          duty_date: d,
          shift: e.shift,
          role: e.role,
          person: e.person,
          ...phoneColumns(e.phone),
        })),
      ),
    );
  }
  const changed = days.filter((d) => dayText(before.get(d) ?? []) !== dayText(after.get(d)!));
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  if (origin.mode === 'historical') {
    const set = new Set(written);
    const traces: TraceEntry[] = [];
    for (const d of days) {
      const lines = after.get(d)!;
      if (!set.has(d)) {
        unchanged += lines.length;
        continue;
      }
      const action = before.has(d) ? 'updated' : 'created';
      if (action === 'created') created += lines.length;
      else updated += lines.length;
      traces.push({ row: rowOf(lines[0]!.i), entity: 'flood.duty', entityId: d, action, orgId: org, values: { roster: dayText(lines) }, before: null });
    }
    origin.imp.trace(traces);
    const findings: Finding[] = issues
      .filter((x) => x.rule)
      .map((x) => {
        const date = x.date ?? entries[x.index]?.date ?? from;
        return {
          rule: x.rule!,
          statute: x.statute!,
          message: x.message,
          field: x.field,
          column: DUTY_COLUMNS[x.field],
          row: rowOf(x.index),
          entity: 'flood.duty',
          entityId: date,
          orgId: org,
        };
      });
    if (findings.length) origin.imp.finding(findings);
  } else {
    await w.auditMany(
      changed.map((d) => ({
        entity: 'flood.duty',
        entityId: d,
        action: 'scheduled',
        orgId: org,
        before: before.has(d) ? { roster: dayText(before.get(d)!) } : null,
        after: { roster: dayText(after.get(d)!) },
        ...(origin.via ? { note: { via: origin.via } } : {}),
      })),
    );
    created = entries.length;
  }
  return { created, updated, unchanged, errors: [], result: { ok: true, from, to, days: after.size, changedDays: changed.length, entries: entries.length } };
}

/** 排班 through the API: the whole roster or nothing; the error names the entry and field. */
export async function saveRoster(ctx: Ctx, entries: readonly DutyInput[]) {
  return write(ctx, async (w) => (await saveDutyDays(w, entries, { mode: 'live' })).result!);
}

export const FIELD_LABEL: Record<string, string> = { date: '日期', shift: '班次', role: '角色', person: '姓名', phone: '联系电话' };
// ─────────────────────────── 抗旱防咸 ───────────────────────────

/** What a warning's form sends (`WarningBody`). */
export type WarningInput = Static<typeof WarningBody>;

function warningValues(i: WarningInput) {
  const startsOn = check.date('startsOn', '预警开始日期', i.startsOn, { required: true })!;
  const endsOn = check.date('endsOn', '预警解除日期', i.endsOn);
  if (endsOn && endsOn < startsOn) throw errors.validation('endsOn', '预警解除日期不能早于开始日期');
  return {
    title: check.text('title', '预警名称', i.title, { required: true, max: 200 })!,
    level: check.oneOf('level', '预警级别', i.level, { values: WARNING_LEVELS, required: true })!,
    starts_on: startsOn,
    ends_on: endsOn,
  };
}

/** 发布抗旱防咸预警 (audit `flood.warning.created`). */
export async function createWarning(ctx: Ctx, input: WarningInput) {
  const values = warningValues(input);
  return write(ctx, async ({ tx, audit }) => {
    // The flood department's by design (`floodDepartment`).
    const org = await floodDepartment(ctx, tx);
    const row = await insertWarning(tx, { tenant_id: ctx.actor.tenantId, org_id: org, ...values });
    await audit({
      entity: 'flood.warning',
      entityId: row.id,
      action: 'created',
      orgId: org,
      after: { title: row.title, level: row.level, startsOn: row.starts_on, endsOn: row.ends_on },
    });
    return row;
  });
}

/** 调整 / 解除预警 (audit `flood.warning.updated`); dispatches outside the new period are refused. */
export async function updateWarning(ctx: Ctx, id: string, version: number, input: WarningInput) {
  return write(ctx, async (w) => {
    const { row } = await updateVersioned(w, {
      table: 'flood_drought_warning',
      tenantId: ctx.actor.tenantId,
      id,
      version,
      label: '预警',
      inScope: (before) => inScope(ctx.actor, before.org_id),
      patch: async (before) => {
        const values = warningValues({ title: before.title, level: before.level, startsOn: before.starts_on, endsOn: before.ends_on, ...input });
        const outside = await firstDispatchOutside(w.tx, ctx.actor.tenantId, { warningId: id, startsOn: values.starts_on, endsOn: values.ends_on });
        if (outside)
          throw errors.validation(
            values.ends_on && outside.on_date > values.ends_on ? 'endsOn' : 'startsOn',
            `${outside.on_date}已有调度记录，预警期间不能不包含该日`,
          );
        return values;
      },
      audit: { entity: 'flood.warning', action: 'updated', view: (r) => ({ title: r.title, level: r.level, startsOn: r.starts_on, endsOn: r.ends_on }) },
      ifUnchanged: 'write',
    });
    return row as Selectable<FloodTables['flood_drought_warning']>;
  });
}

/** 每日调度记录 — one per day of the warning (audit `flood.warning.dispatched`). */
export async function addDispatch(ctx: Ctx, warningId: string, input: Static<typeof DispatchBody>) {
  const onDate = check.date('onDate', '调度日期', input.onDate, { required: true })!;
  const chloride = check.num('chlorideMgl', '含氯度（mg/L）', input.chlorideMgl, { min: 0, max: 100000 });
  const content = check.text('content', '调度内容', input.content, { required: true, max: 2000 })!;
  return write(ctx, async ({ tx, audit }) => {
    const w = await warningById(tx, ctx.actor.tenantId, warningId);
    if (!w) throw errors.notFound('预警');
    // Kept with its warning, whose unit must lie within the actor's scope.
    const org = await ownerOrgForCreate({ db: tx, actor: ctx.actor }, w.org_id, '预警');
    const problem = dispatchDateProblem({ startsOn: w.starts_on, endsOn: w.ends_on }, onDate);
    if (problem) throw errors.validation('onDate', problem);
    if (onDate > ctx.clock.today()) throw errors.validation('onDate', '调度日期不能晚于今天');
    const dup = await dispatchOn(tx, ctx.actor.tenantId, { warningId, onDate });
    if (dup) throw errors.duplicate('onDate', `${onDate}已有调度记录（一天一调度）`);
    const row = await insertDispatch(tx, {
      tenant_id: ctx.actor.tenantId,
      org_id: org,
      warning_id: warningId,
      on_date: onDate,
      chloride_mgl: chloride,
      content,
      created_by: ctx.actor.name,
    });
    await audit({ entity: 'flood.warning', entityId: warningId, action: 'dispatched', orgId: org, note: { onDate, chlorideMgl: chloride, content } });
    return row;
  });
}

// ─────────────────────────── 水利工程三个责任人 ───────────────────────────

/** What a work's form sends (`WorkBody`): the work and its three persons. */
export type WorkInput = Static<typeof WorkBody>;
/** A responsible person as a form or a ledger gives it. */
export type Person = NonNullable<WorkInput['admin']>;
const WORK_INPUT_KEYS = Object.keys(WorkBody.properties) as Array<keyof WorkInput>;

export interface WorkSave extends WorkInput {
  row?: number;
  id?: string;
  version?: number;
}

/** Ledger column of each work field (水利工程防汛责任人). */
export const WORK_COLUMNS: Readonly<Record<string, string>> = {
  name: '工程名称',
  kind: '工程类型',
  location: '位置',
  orgId: '所在街道',
  'admin.name': '行政责任人',
  'admin.post': '行政责任人职务',
  'admin.phone': '行政责任人电话',
  'tech.name': '技术责任人',
  'tech.post': '技术责任人职务',
  'tech.phone': '技术责任人电话',
  'patrol.name': '巡查责任人',
  'patrol.post': '巡查责任人职务',
  'patrol.phone': '巡查责任人电话',
};

function workValues(ctx: Ctx, streets: ReadonlySet<string>, home: string, i: WorkInput) {
  /** A responsible person's three columns (`admin_name`, `admin_post`, `admin_phone` …). */
  const person = <K extends 'admin' | 'tech' | 'patrol'>(key: K, label: string) =>
    ({
      [`${key}_name`]: check.text(`${key}.name`, `${label}姓名`, i[key]?.name, { required: true, max: 50 })!,
      [`${key}_post`]: check.text(`${key}.post`, `${label}职务`, i[key]?.post, { max: 100 }),
      [`${key}_phone`]: check.phone(`${key}.phone`, `${label}电话`, i[key]?.phone),
    }) as Record<`${K}_name`, string> & Record<`${K}_post` | `${K}_phone`, string | null>;
  const org = i.orgId ? mustBeStreet(ctx, streets, 'orgId', i.orgId) : home;
  return {
    name: check.text('name', '工程名称', i.name, { required: true, max: 100 })!,
    kind: check.text('kind', '工程类型', i.kind, { required: true, max: 20 })!,
    location: check.text('location', '位置', i.location, { max: 200 }),
    org_id: org,
    ...person('admin', '行政责任人'),
    ...person('tech', '技术责任人'),
    ...person('patrol', '巡查责任人'),
  };
}

/**
 * Saves water works with their three responsible persons — the one write path (form:
 * one, live; the 水利工程防汛责任人 ledger: many, historical, matched on 工程名称). A
 * person given in part keeps the stored rest. Audit `flood.work.created` / `updated`
 * (phones masked) in live mode; provenance (phones masked) in historical mode.
 */
export async function saveWorks(
  w: WriteScope,
  inputs: readonly WorkSave[],
  origin: WriteOrigin,
  opts: { reason?: string | null } = {},
): Promise<SaveSummary & { rows: FloodRow<'flood_work'>[] }> {
  const ctx = w.ctx;
  const tenantId = ctx.actor.tenantId;
  const streets = await streetIds(w.tx, tenantId);
  const home = await homeOrg(w.tx, tenantId, FLOOD_DEPARTMENT);
  const existing = await worksForUpdate(w.tx, tenantId, { ids: idsOf(inputs), names: textsOf(inputs.map((i) => i.name)) });
  const batch = new Batch(w, origin, { label: '水利工程', column: '工程名称', field: 'name', keyOf: (r) => r.name, columns: WORK_COLUMNS }, existing);
  const items: Array<Item<Record<string, unknown>>> = [];
  for (const input of inputs) {
    const old = batch.stored(input, input.name?.trim());
    if (old === null) continue;
    // The street a work has (none: the flood department's).
    const street = old ? (streets.has(old.org_id) ? old.org_id : null) : undefined;
    let merged: WorkInput = input;
    if (old) {
      const o = old;
      const p = (k: 'admin' | 'tech' | 'patrol'): Person => ({
        name: o[`${k}_name`],
        post: o[`${k}_post`],
        phone: openPhone(o[`${k}_phone`]),
        ...(input[k] ?? {}),
      });
      merged = {
        name: input.name ?? o.name,
        kind: input.kind ?? o.kind,
        location: input.location !== undefined ? input.location : o.location,
        orgId: input.orgId !== undefined ? input.orgId : street,
        admin: p('admin'),
        tech: p('tech'),
        patrol: p('patrol'),
      };
    }
    if (origin.mode === 'live') merged = { ...merged, orgId: (await formStreet(ctx, w, merged.orgId, street)) as string | null | undefined };
    const values = batch.check(input, () => {
      const v = workValues(ctx, streets, home, merged);
      if (!old) assertInScope(ctx.actor, v.org_id);
      return v;
    });
    if (!values) continue;
    // Owned by its street, else by the flood department: a new work, or a change of street that moves one, must land in scope.
    await checkFormOwner(w, origin, { old, orgId: values.org_id, what: '水利工程的所属单位' });
    if (!batch.claim(input, { key: values.name, old, value: values.name, taken: `工程“${values.name}”已存在` })) continue;
    items.push({ row: input.row, old, values: sealWorkPhones(values, old) });
  }
  return batch.persist({ table: 'flood_work', entity: 'flood.work', items, view: workAudit, ...(opts.reason ? { note: { reason: opts.reason } } : {}) });
}

/** 新增水利工程及其三个责任人 (audit `flood.work.created`). */
export async function createWork(ctx: Ctx, input: WorkInput) {
  return saveOne(ctx, saveWorks, carried(input, WORK_INPUT_KEYS));
}

/** 责任人变更 — every change is in the work's history (audit `flood.work.updated`, phones masked). */
export async function updateWork(ctx: Ctx, id: string, version: number, input: Omit<Static<typeof WorkPatch>, 'version'>) {
  const reason = check.text('reason', '变更原因', input.reason, { max: 200 });
  const save = (w: WriteScope, inputs: readonly WorkSave[], origin: WriteOrigin) => saveWorks(w, inputs, origin, { reason });
  return saveOne(ctx, save, { ...carried(input, WORK_INPUT_KEYS), id, version });
}

/**
 * 名单公示 — records the year's public disclosure of the responsible persons (one per
 * year) with a snapshot of the list as published; the public page shows it, and
 * later changes against it. Audit `flood.disclosure.published`.
 */
export async function publishDisclosure(ctx: Ctx, input: Static<typeof DisclosureBody>) {
  const year = check.int('year', '年度', input.year, { required: true, min: 2000, max: 2100 })!;
  const publishedOn = check.date('publishedOn', '公示日期', input.publishedOn, { required: true })!;
  if (Number(publishedOn.slice(0, 4)) !== year && Number(publishedOn.slice(0, 4)) !== year - 1)
    throw errors.validation('publishedOn', `公示日期应在${year - 1}年或${year}年内`);
  const note = check.text('note', '说明', input.note, { max: 500 });
  return write(ctx, async ({ tx, audit }) => {
    // The flood department's by design (`floodDepartment`): the bureau publishes the list.
    const org = await floodDepartment(ctx, tx);
    const dup = await disclosureOfYear(tx, ctx.actor.tenantId, year);
    if (dup) throw errors.duplicate('year', `${year}年度的责任人名单已公示`);
    const names = await orgNames(tx, ctx.actor.tenantId);
    const works = await allWorks(tx, ctx.actor.tenantId);
    if (!works.length) throw errors.gate('NO_WORKS', '尚未登记任何水利工程及其责任人，无法公示');
    const snapshot = works.map((w) => publicWork(w, names));
    await insertDisclosure(tx, { tenant_id: ctx.actor.tenantId, year, org_id: org, published_on: publishedOn, note, snapshot: JSON.stringify(snapshot) });
    await audit({
      entity: 'flood.disclosure',
      entityId: String(year),
      action: 'published',
      orgId: org,
      after: { year, publishedOn, works: works.length, note },
    });
    return { year, publishedOn, works: works.length };
  });
}
