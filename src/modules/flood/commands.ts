import type { Ctx } from '../../core/context.js';
import { write, type WriteScope } from '../../core/audit/audit.js';
import { errors } from '../../core/errors.js';
import { assertInScope } from '../../core/scope.js';
import { addDays, isIsoDate, isoDateInShanghai } from '../../core/calendar/calendar.js';
import { check, FLOOD_DEPARTMENT, homeOrg, orgNames } from './input.js';
import { t } from './repository.js';
import { deploymentAudit, projectAudit, publicWork, riskPointAudit, workAudit } from './presenters.js';
import { dispatchDateProblem, progressProblem, RISK_STATUSES, rosterIssues, type DutyEntry } from './rules.js';
import type { ProjectKind, RiskLevel, RiskStatus, WarningLevel } from './schema.js';

const today = () => isoDateInShanghai(new Date());
const LEVELS: readonly RiskLevel[] = ['高', '中', '低'];
export const PROJECT_KINDS: readonly ProjectKind[] = ['内涝治理项目', '零星排水改造应急工程'];
export const WARNING_LEVELS: readonly WarningLevel[] = ['蓝色', '黄色', '橙色', '红色'];

/** The org must be a street of the tenant the actor may act for. */
async function mustBeStreet(ctx: Ctx, field: string, orgId: unknown): Promise<string> {
  if (typeof orgId !== 'string' || !orgId) throw errors.validation(field, '请选择所在街道');
  const o = /^[0-9a-f-]{36}$/.test(orgId) ? await ctx.db.selectFrom('org').select(['id', 'kind']).where('tenant_id', '=', ctx.actor.tenantId).where('id', '=', orgId).executeTakeFirst() : undefined;
  if (!o || o.kind !== 'street') throw errors.validation(field, '所在街道不存在');
  assertInScope(ctx.actor, o.id, '街道');
  return o.id;
}

// ─────────────────────────── 水浸风险点 ───────────────────────────

export interface RiskPointInput {
  code?: string;
  name?: string;
  orgId?: string;
  lng?: number | null;
  lat?: number | null;
  riskLevel?: RiskLevel | null;
  registeredOn?: string;
  measure?: string | null;
  adminPerson?: string | null;
  techPerson?: string | null;
  patrolPerson?: string | null;
}

async function riskPointValues(ctx: Ctx, i: RiskPointInput) {
  const lng = check.num('lng', '经度', i.lng, { min: 73, max: 136 });
  const lat = check.num('lat', '纬度', i.lat, { min: 3, max: 54 });
  if ((lng == null) !== (lat == null)) throw errors.validation(lng == null ? 'lng' : 'lat', '经度和纬度须同时填写');
  return {
    code: check.text('code', '编号', i.code, { required: true, max: 40 })!,
    name: check.text('name', '名称', i.name, { required: true, max: 100 })!,
    org_id: await mustBeStreet(ctx, 'orgId', i.orgId),
    lng,
    lat,
    risk_level: check.oneOf('riskLevel', '风险等级', i.riskLevel, LEVELS),
    registered_on: check.date('registeredOn', '纳入台账日期', i.registeredOn, { required: true })!,
    measure: check.text('measure', '整治措施', i.measure, { max: 500 }),
    admin_person: check.text('adminPerson', '行政责任人', i.adminPerson, { max: 50 }),
    tech_person: check.text('techPerson', '技术责任人', i.techPerson, { max: 50 }),
    patrol_person: check.text('patrolPerson', '巡查责任人', i.patrolPerson, { max: 50 }),
  };
}

/** 登记水浸风险点 (audit `flood.risk_point.created`); a new point starts 未整治. */
export async function createRiskPoint(ctx: Ctx, input: RiskPointInput) {
  const values = await riskPointValues(ctx, input);
  return write(ctx, async ({ tx, audit }) => {
    const dup = await t(tx).selectFrom('flood_risk_point').select('id').where('tenant_id', '=', ctx.actor.tenantId).where('code', '=', values.code).executeTakeFirst();
    if (dup) throw errors.duplicate('code', `编号“${values.code}”已被其他风险点使用`);
    const row = await t(tx).insertInto('flood_risk_point').values({ tenant_id: ctx.actor.tenantId, ...values, status: '未整治' }).returningAll().executeTakeFirstOrThrow();
    await audit({ entity: 'flood.risk_point', entityId: row.id, action: 'created', orgId: row.org_id, after: riskPointAudit(row) });
    return row;
  });
}

/** 修改风险点 (not its status: that moves by progress updates). Stale version → 409. */
export async function updateRiskPoint(ctx: Ctx, id: string, version: number, input: RiskPointInput) {
  return write(ctx, async ({ tx, audit }) => {
    const before = await t(tx).selectFrom('flood_risk_point').selectAll().where('tenant_id', '=', ctx.actor.tenantId).where('id', '=', id).executeTakeFirst();
    if (!before) throw errors.notFound('风险点');
    assertInScope(ctx.actor, before.org_id, '风险点');
    if (before.version !== version) throw errors.conflict();
    const values = await riskPointValues({ ...ctx, db: tx }, { ...presentInput(before), ...input });
    if (before.completed_on && values.registered_on > before.completed_on) throw errors.validation('registeredOn', '纳入台账日期不能晚于完成日期');
    if (values.code !== before.code) {
      const dup = await t(tx).selectFrom('flood_risk_point').select('id').where('tenant_id', '=', ctx.actor.tenantId).where('code', '=', values.code).executeTakeFirst();
      if (dup) throw errors.duplicate('code', `编号“${values.code}”已被其他风险点使用`);
    }
    const row = await t(tx)
      .updateTable('flood_risk_point')
      .set({ ...values, version: version + 1, updated_at: new Date() })
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw errors.conflict();
    await audit({ entity: 'flood.risk_point', entityId: id, action: 'updated', orgId: row.org_id, before: riskPointAudit(before), after: riskPointAudit(row) });
    return row;
  });
}

function presentInput(r: any): RiskPointInput {
  return {
    code: r.code,
    name: r.name,
    orgId: r.org_id,
    lng: r.lng == null ? null : Number(r.lng),
    lat: r.lat == null ? null : Number(r.lat),
    riskLevel: r.risk_level,
    registeredOn: r.registered_on,
    measure: r.measure,
    adminPerson: r.admin_person,
    techPerson: r.tech_person,
    patrolPerson: r.patrol_person,
  };
}

/**
 * 整治进度 — a dated progress update; moves the point's status (forward only) and,
 * on 已完成, sets its 完成日期. Audit `flood.risk_point.progressed` on the point.
 */
export async function addProgress(ctx: Ctx, pointId: string, input: { onDate?: string; status?: RiskStatus; note?: string }) {
  const onDate = check.date('onDate', '进展日期', input.onDate, { required: true })!;
  const status = check.oneOf('status', '整治状态', input.status, RISK_STATUSES, { required: true })!;
  const note = check.text('note', '进展情况', input.note, { required: true, max: 1000 })!;
  return write(ctx, async ({ tx, audit }) => {
    const p = await t(tx).selectFrom('flood_risk_point').selectAll().where('tenant_id', '=', ctx.actor.tenantId).where('id', '=', pointId).forUpdate().executeTakeFirst();
    if (!p) throw errors.notFound('风险点');
    assertInScope(ctx.actor, p.org_id, '风险点');
    const last = await t(tx).selectFrom('flood_risk_progress').select('on_date').where('tenant_id', '=', ctx.actor.tenantId).where('point_id', '=', pointId).orderBy('on_date', 'desc').limit(1).executeTakeFirst();
    const problem = progressProblem({ status: p.status, registeredOn: p.registered_on, lastUpdateOn: last?.on_date ?? null }, { onDate, status }, today());
    if (problem) throw errors.validation(problem.field, problem.message);
    const pr = await t(tx).insertInto('flood_risk_progress').values({ tenant_id: ctx.actor.tenantId, org_id: p.org_id, point_id: pointId, on_date: onDate, status, note, created_by: ctx.actor.name }).returningAll().executeTakeFirstOrThrow();
    const row = await t(tx)
      .updateTable('flood_risk_point')
      .set({ status, completed_on: status === '已完成' ? onDate : null, version: p.version + 1, updated_at: new Date() })
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('id', '=', pointId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit({ entity: 'flood.risk_point', entityId: pointId, action: 'progressed', orgId: p.org_id, before: { status: p.status, completedOn: p.completed_on }, after: { status: row.status, completedOn: row.completed_on }, note: { progressId: pr.id, onDate, note } });
    return { point: row, progress: pr };
  });
}

// ─────────────────────────── 内涝治理项目 / 零星排水改造应急工程 ───────────────────────────

export interface ProjectInput {
  name?: string;
  kind?: ProjectKind;
  streetOrgId?: string | null;
  startedOn?: string | null;
  completedOn?: string | null;
  status?: string | null;
}

async function projectValues(ctx: Ctx, i: ProjectInput) {
  const started = check.date('startedOn', '开始日期', i.startedOn);
  const completed = check.date('completedOn', '完成日期', i.completedOn);
  if (started && completed && completed < started) throw errors.validation('completedOn', '完成日期不能早于开始日期');
  const street = i.streetOrgId ? await mustBeStreet(ctx, 'streetOrgId', i.streetOrgId) : null;
  return {
    name: check.text('name', '名称', i.name, { required: true, max: 200 })!,
    kind: check.oneOf('kind', '类型', i.kind, PROJECT_KINDS, { required: true })!,
    street_org_id: street,
    org_id: street ?? (await homeOrg(ctx.db, ctx.actor.tenantId, FLOOD_DEPARTMENT)),
    started_on: started,
    completed_on: completed,
    status: check.text('status', '状态', i.status, { max: 20 }) ?? (completed ? '已完成' : started ? '实施中' : '未开工'),
  };
}

/** 新建项目 (audit `flood.project.created`); owned by its street, or by the flood department. */
export async function createProject(ctx: Ctx, input: ProjectInput) {
  const values = await projectValues(ctx, input);
  if (!ctx.actor.scope.all) assertInScope(ctx.actor, values.org_id);
  return write(ctx, async ({ tx, audit }) => {
    const dup = await t(tx).selectFrom('flood_project').select('id').where('tenant_id', '=', ctx.actor.tenantId).where('kind', '=', values.kind).where('name', '=', values.name).executeTakeFirst();
    if (dup) throw errors.duplicate('name', `${values.kind}“${values.name}”已存在`);
    const row = await t(tx).insertInto('flood_project').values({ tenant_id: ctx.actor.tenantId, ...values }).returningAll().executeTakeFirstOrThrow();
    await audit({ entity: 'flood.project', entityId: row.id, action: 'created', orgId: row.org_id, after: projectAudit(row) });
    return row;
  });
}

export async function updateProject(ctx: Ctx, id: string, version: number, input: ProjectInput) {
  return write(ctx, async ({ tx, audit }) => {
    const before = await t(tx).selectFrom('flood_project').selectAll().where('tenant_id', '=', ctx.actor.tenantId).where('id', '=', id).executeTakeFirst();
    if (!before) throw errors.notFound('项目');
    assertInScope(ctx.actor, before.org_id, '项目');
    if (before.version !== version) throw errors.conflict();
    const merged: ProjectInput = { name: before.name, kind: before.kind, streetOrgId: before.street_org_id, startedOn: before.started_on, completedOn: before.completed_on, status: before.status, ...input };
    const values = await projectValues({ ...ctx, db: tx }, merged);
    const row = await t(tx).updateTable('flood_project').set({ ...values, version: version + 1, updated_at: new Date() }).where('tenant_id', '=', ctx.actor.tenantId).where('id', '=', id).where('version', '=', version).returningAll().executeTakeFirst();
    if (!row) throw errors.conflict();
    await audit({ entity: 'flood.project', entityId: id, action: 'updated', orgId: row.org_id, before: projectAudit(before), after: projectAudit(row) });
    return row;
  });
}

// ─────────────────────────── 抢险投入记录 ───────────────────────────

export interface DeploymentInput {
  onDate?: string;
  event?: string;
  persons?: number;
  pumps?: number;
  vehicles?: number;
  note?: string | null;
}

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

/** 记录抢险投入 (audit `flood.deployment.created`). One record per event and day. */
export async function createDeployment(ctx: Ctx, input: DeploymentInput) {
  const values = deploymentValues(input);
  return write(ctx, async ({ tx, audit }) => {
    const org = await homeOrg(tx, ctx.actor.tenantId, FLOOD_DEPARTMENT);
    assertInScope(ctx.actor, org);
    const dup = await t(tx).selectFrom('flood_deployment').select('id').where('tenant_id', '=', ctx.actor.tenantId).where('on_date', '=', values.on_date).where('event', '=', values.event).executeTakeFirst();
    if (dup) throw errors.duplicate('event', `${values.on_date}“${values.event}”已有投入记录，请修改原记录`);
    const row = await t(tx).insertInto('flood_deployment').values({ tenant_id: ctx.actor.tenantId, org_id: org, ...values }).returningAll().executeTakeFirstOrThrow();
    await audit({ entity: 'flood.deployment', entityId: row.id, action: 'created', orgId: org, after: deploymentAudit(row) });
    return row;
  });
}

export async function updateDeployment(ctx: Ctx, id: string, version: number, input: DeploymentInput) {
  return write(ctx, async ({ tx, audit }) => {
    const before = await t(tx).selectFrom('flood_deployment').selectAll().where('tenant_id', '=', ctx.actor.tenantId).where('id', '=', id).executeTakeFirst();
    if (!before) throw errors.notFound('投入记录');
    assertInScope(ctx.actor, before.org_id, '投入记录');
    if (before.version !== version) throw errors.conflict();
    const values = deploymentValues({ onDate: before.on_date, event: before.event, persons: before.persons, pumps: before.pumps, vehicles: before.vehicles, note: before.note, ...input });
    const row = await t(tx).updateTable('flood_deployment').set({ ...values, version: version + 1, updated_at: new Date() }).where('tenant_id', '=', ctx.actor.tenantId).where('id', '=', id).where('version', '=', version).returningAll().executeTakeFirst();
    if (!row) throw errors.conflict();
    await audit({ entity: 'flood.deployment', entityId: id, action: 'updated', orgId: row.org_id, before: deploymentAudit(before), after: deploymentAudit(row) });
    return row;
  });
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

/** The outcome of applying a roster: its issues (nothing written), or what changed. */
export type RosterResult =
  | { ok: false; issues: Array<{ index: number; field: string; message: string }> }
  | { ok: true; from: string; to: string; days: number; changedDays: number; entries: number };

/**
 * 排班 — replaces the roster of the days the entries cover (the first to the last
 * date; every day in between must be staffed). Rejected as a whole when any rule of
 * `rosterIssues` fails, checked also against the days just before and after.
 * `describe` names an entry in messages (an import passes “第N行”). Audit
 * `flood.duty.scheduled` per day whose roster changed. Runs inside the caller's write.
 */
export async function applyRoster(ctx: Ctx, w: WriteScope, entries: readonly DutyInput[], describe: (i: number) => string): Promise<RosterResult> {
  const issues: Array<{ index: number; field: string; message: string }> = [];
  entries.forEach((e, i) => {
    try {
      check.phone('phone', '联系电话', e.phone);
    } catch (err) {
      issues.push({ index: i, field: 'phone', message: (err as Error).message });
    }
  });
  if (!entries.length) return { ok: false, issues: [{ index: 0, field: 'date', message: '值班表没有内容' }] };
  const { tx, auditMany } = w;
  const org = await homeOrg(tx, ctx.actor.tenantId, FLOOD_DEPARTMENT);
  assertInScope(ctx.actor, org);
  const dates = entries.map((e) => e.date).filter((d) => isIsoDate(d)).sort();
  const from = dates[0];
  const to = dates.at(-1);
  const context = from && to
    ? (await t(tx).selectFrom('flood_duty').select(['duty_date', 'shift', 'role', 'person']).where('tenant_id', '=', ctx.actor.tenantId).where('duty_date', 'in', [addDays(from, -1), addDays(to, 1)]).execute()).map((r) => ({ date: r.duty_date, shift: r.shift, role: r.role, person: r.person }))
    : [];
  issues.push(...rosterIssues(entries, { context, describe }));
  if (from && to) {
    const have = new Set(dates);
    for (let d = from; d <= to; d = addDays(d, 1)) if (!have.has(d)) issues.push({ index: entries.length - 1, field: 'date', message: `${d} 没有安排值班：${from}至${to}之间每天都须安排A角和B角` });
  }
  if (issues.length || !from || !to) return { ok: false, issues: issues.sort((a, b) => a.index - b.index) };
  const old = await t(tx).selectFrom('flood_duty').selectAll().where('tenant_id', '=', ctx.actor.tenantId).where('duty_date', '>=', from).where('duty_date', '<=', to).execute();
  await t(tx).deleteFrom('flood_duty').where('tenant_id', '=', ctx.actor.tenantId).where('duty_date', '>=', from).where('duty_date', '<=', to).execute();
  await t(tx)
    .insertInto('flood_duty')
    .values(entries.map((e) => ({ tenant_id: ctx.actor.tenantId, org_id: org, duty_date: e.date, shift: e.shift.trim(), role: e.role as 'A角' | 'B角', person: e.person.trim(), phone: e.phone?.trim() || null })))
    .execute();
  const byDay = (xs: ReadonlyArray<{ date: string; shift: string; role: string; person: string }>) => {
    const m = new Map<string, Array<(typeof xs)[number]>>();
    for (const x of xs) m.set(x.date, [...(m.get(x.date) ?? []), x]);
    return m;
  };
  const before = byDay(old.map((r) => ({ date: r.duty_date, shift: r.shift, role: r.role, person: r.person })));
  const after = byDay(entries.map((e) => ({ ...e, shift: e.shift.trim(), person: e.person.trim() })));
  const changed = [...after.keys()].sort().filter((d) => dayText(before.get(d) ?? []) !== dayText(after.get(d)!));
  await auditMany(
    changed.map((d) => ({
      entity: 'flood.duty',
      entityId: d,
      action: 'scheduled',
      orgId: org,
      before: before.has(d) ? { roster: dayText(before.get(d)!) } : null,
      after: { roster: dayText(after.get(d)!) },
    })),
  );
  return { ok: true, from, to, days: after.size, changedDays: changed.length, entries: entries.length };
}

/** 排班 through the API: the whole roster or nothing; the error names the entry and field. */
export async function saveRoster(ctx: Ctx, entries: readonly DutyInput[]) {
  const describe = (i: number) => `第${i + 1}条`;
  return write(ctx, async (w) => {
    const r = await applyRoster(ctx, w, entries, describe);
    if (!r.ok) {
      const first = r.issues[0]!;
      throw errors.validation(`entries.${first.index}.${first.field}`, `${describe(first.index)}「${FIELD_LABEL[first.field] ?? first.field}」：${first.message}`, r.issues.map((x) => ({ ...x, entry: describe(x.index), column: FIELD_LABEL[x.field] })));
    }
    return r;
  });
}

export const FIELD_LABEL: Record<string, string> = { date: '日期', shift: '班次', role: '角色', person: '姓名', phone: '联系电话' };

// ─────────────────────────── 抗旱防咸 ───────────────────────────

export interface WarningInput {
  title?: string;
  level?: WarningLevel;
  startsOn?: string;
  endsOn?: string | null;
}

function warningValues(i: WarningInput) {
  const startsOn = check.date('startsOn', '预警开始日期', i.startsOn, { required: true })!;
  const endsOn = check.date('endsOn', '预警解除日期', i.endsOn);
  if (endsOn && endsOn < startsOn) throw errors.validation('endsOn', '预警解除日期不能早于开始日期');
  return { title: check.text('title', '预警名称', i.title, { required: true, max: 200 })!, level: check.oneOf('level', '预警级别', i.level, WARNING_LEVELS, { required: true })!, starts_on: startsOn, ends_on: endsOn };
}

/** 发布抗旱防咸预警 (audit `flood.warning.created`). */
export async function createWarning(ctx: Ctx, input: WarningInput) {
  const values = warningValues(input);
  return write(ctx, async ({ tx, audit }) => {
    const org = await homeOrg(tx, ctx.actor.tenantId, FLOOD_DEPARTMENT);
    assertInScope(ctx.actor, org);
    const row = await t(tx).insertInto('flood_drought_warning').values({ tenant_id: ctx.actor.tenantId, org_id: org, ...values }).returningAll().executeTakeFirstOrThrow();
    await audit({ entity: 'flood.warning', entityId: row.id, action: 'created', orgId: org, after: { title: row.title, level: row.level, startsOn: row.starts_on, endsOn: row.ends_on } });
    return row;
  });
}

/** 调整 / 解除预警 (audit `flood.warning.updated`); dispatches outside the new period are refused. */
export async function updateWarning(ctx: Ctx, id: string, version: number, input: WarningInput) {
  return write(ctx, async ({ tx, audit }) => {
    const before = await t(tx).selectFrom('flood_drought_warning').selectAll().where('tenant_id', '=', ctx.actor.tenantId).where('id', '=', id).executeTakeFirst();
    if (!before) throw errors.notFound('预警');
    assertInScope(ctx.actor, before.org_id, '预警');
    if (before.version !== version) throw errors.conflict();
    const values = warningValues({ title: before.title, level: before.level, startsOn: before.starts_on, endsOn: before.ends_on, ...input });
    const outside = await t(tx)
      .selectFrom('flood_dispatch')
      .select('on_date')
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('warning_id', '=', id)
      .where((eb) => eb.or([eb('on_date', '<', values.starts_on), ...(values.ends_on ? [eb('on_date', '>', values.ends_on)] : [])]))
      .orderBy('on_date')
      .executeTakeFirst();
    if (outside) throw errors.validation(values.ends_on && outside.on_date > values.ends_on ? 'endsOn' : 'startsOn', `${outside.on_date}已有调度记录，预警期间不能不包含该日`);
    const row = await t(tx).updateTable('flood_drought_warning').set({ ...values, version: version + 1, updated_at: new Date() }).where('tenant_id', '=', ctx.actor.tenantId).where('id', '=', id).where('version', '=', version).returningAll().executeTakeFirst();
    if (!row) throw errors.conflict();
    const view = (r: typeof before) => ({ title: r.title, level: r.level, startsOn: r.starts_on, endsOn: r.ends_on });
    await audit({ entity: 'flood.warning', entityId: id, action: 'updated', orgId: row.org_id, before: view(before), after: view(row) });
    return row;
  });
}

/** 每日调度记录 — one per day of the warning (audit `flood.warning.dispatched`). */
export async function addDispatch(ctx: Ctx, warningId: string, input: { onDate?: string; chlorideMgl?: number | null; content?: string }) {
  const onDate = check.date('onDate', '调度日期', input.onDate, { required: true })!;
  const chloride = check.num('chlorideMgl', '含氯度（mg/L）', input.chlorideMgl, { min: 0, max: 100000 });
  const content = check.text('content', '调度内容', input.content, { required: true, max: 2000 })!;
  return write(ctx, async ({ tx, audit }) => {
    const w = await t(tx).selectFrom('flood_drought_warning').selectAll().where('tenant_id', '=', ctx.actor.tenantId).where('id', '=', warningId).executeTakeFirst();
    if (!w) throw errors.notFound('预警');
    assertInScope(ctx.actor, w.org_id, '预警');
    const problem = dispatchDateProblem({ startsOn: w.starts_on, endsOn: w.ends_on }, onDate);
    if (problem) throw errors.validation('onDate', problem);
    if (onDate > today()) throw errors.validation('onDate', '调度日期不能晚于今天');
    const dup = await t(tx).selectFrom('flood_dispatch').select('id').where('tenant_id', '=', ctx.actor.tenantId).where('warning_id', '=', warningId).where('on_date', '=', onDate).executeTakeFirst();
    if (dup) throw errors.duplicate('onDate', `${onDate}已有调度记录（一天一调度）`);
    const row = await t(tx).insertInto('flood_dispatch').values({ tenant_id: ctx.actor.tenantId, org_id: w.org_id, warning_id: warningId, on_date: onDate, chloride_mgl: chloride, content, created_by: ctx.actor.name }).returningAll().executeTakeFirstOrThrow();
    await audit({ entity: 'flood.warning', entityId: warningId, action: 'dispatched', orgId: w.org_id, note: { onDate, chlorideMgl: chloride, content } });
    return row;
  });
}

// ─────────────────────────── 水利工程三个责任人 ───────────────────────────

export interface Person {
  name?: string;
  post?: string | null;
  phone?: string | null;
}
export interface WorkInput {
  name?: string;
  kind?: string;
  location?: string | null;
  orgId?: string | null;
  admin?: Person;
  tech?: Person;
  patrol?: Person;
}

async function workValues(ctx: Ctx, i: WorkInput) {
  const person = (key: 'admin' | 'tech' | 'patrol', label: string) => ({
    [`${key}_name`]: check.text(`${key}.name`, `${label}姓名`, i[key]?.name, { required: true, max: 50 })!,
    [`${key}_post`]: check.text(`${key}.post`, `${label}职务`, i[key]?.post, { max: 100 }),
    [`${key}_phone`]: check.phone(`${key}.phone`, `${label}电话`, i[key]?.phone),
  });
  const org = i.orgId ? await mustBeStreet(ctx, 'orgId', i.orgId) : await homeOrg(ctx.db, ctx.actor.tenantId, FLOOD_DEPARTMENT);
  return {
    name: check.text('name', '工程名称', i.name, { required: true, max: 100 })!,
    kind: check.text('kind', '工程类型', i.kind, { required: true, max: 20 })!,
    location: check.text('location', '位置', i.location, { max: 200 }),
    org_id: org,
    ...person('admin', '行政责任人'),
    ...person('tech', '技术责任人'),
    ...person('patrol', '巡查责任人'),
  } as {
    name: string; kind: string; location: string | null; org_id: string;
    admin_name: string; admin_post: string | null; admin_phone: string | null;
    tech_name: string; tech_post: string | null; tech_phone: string | null;
    patrol_name: string; patrol_post: string | null; patrol_phone: string | null;
  };
}

/** 新增水利工程及其三个责任人 (audit `flood.work.created`). */
export async function createWork(ctx: Ctx, input: WorkInput) {
  const values = await workValues(ctx, input);
  assertInScope(ctx.actor, values.org_id);
  return write(ctx, async ({ tx, audit }) => {
    const dup = await t(tx).selectFrom('flood_work').select('id').where('tenant_id', '=', ctx.actor.tenantId).where('name', '=', values.name).executeTakeFirst();
    if (dup) throw errors.duplicate('name', `工程“${values.name}”已存在`);
    const row = await t(tx).insertInto('flood_work').values({ tenant_id: ctx.actor.tenantId, ...values }).returningAll().executeTakeFirstOrThrow();
    await audit({ entity: 'flood.work', entityId: row.id, action: 'created', orgId: row.org_id, after: workAudit(row) });
    return row;
  });
}

/** 责任人变更 — every change is in the work's history (audit `flood.work.updated`, phones masked). */
export async function updateWork(ctx: Ctx, id: string, version: number, input: WorkInput & { reason?: string | null }) {
  return write(ctx, async ({ tx, audit }) => {
    const before = await t(tx).selectFrom('flood_work').selectAll().where('tenant_id', '=', ctx.actor.tenantId).where('id', '=', id).executeTakeFirst();
    if (!before) throw errors.notFound('水利工程');
    assertInScope(ctx.actor, before.org_id, '水利工程');
    if (before.version !== version) throw errors.conflict();
    const p = (k: 'admin' | 'tech' | 'patrol') => ({ name: before[`${k}_name`], post: before[`${k}_post`], phone: before[`${k}_phone`], ...(input[k] ?? {}) });
    const street = await tx.selectFrom('org').select('kind').where('tenant_id', '=', ctx.actor.tenantId).where('id', '=', before.org_id).executeTakeFirst();
    const values = await workValues(
      { ...ctx, db: tx },
      { name: input.name ?? before.name, kind: input.kind ?? before.kind, location: input.location !== undefined ? input.location : before.location, orgId: input.orgId !== undefined ? input.orgId : street?.kind === 'street' ? before.org_id : null, admin: p('admin'), tech: p('tech'), patrol: p('patrol') },
    );
    const reason = check.text('reason', '变更原因', input.reason, { max: 200 });
    const row = await t(tx).updateTable('flood_work').set({ ...values, version: version + 1, updated_at: new Date() }).where('tenant_id', '=', ctx.actor.tenantId).where('id', '=', id).where('version', '=', version).returningAll().executeTakeFirst();
    if (!row) throw errors.conflict();
    await audit({ entity: 'flood.work', entityId: id, action: 'updated', orgId: row.org_id, before: workAudit(before), after: workAudit(row), ...(reason ? { note: { reason } } : {}) });
    return row;
  });
}

/**
 * 名单公示 — records the year's public disclosure of the responsible persons (one per
 * year) with a snapshot of the list as published; the public page shows it, and
 * later changes against it. Audit `flood.disclosure.published`.
 */
export async function publishDisclosure(ctx: Ctx, input: { year?: number; publishedOn?: string; note?: string | null }) {
  const year = check.int('year', '年度', input.year, { required: true, min: 2000, max: 2100 })!;
  const publishedOn = check.date('publishedOn', '公示日期', input.publishedOn, { required: true })!;
  if (Number(publishedOn.slice(0, 4)) !== year && Number(publishedOn.slice(0, 4)) !== year - 1) throw errors.validation('publishedOn', `公示日期应在${year - 1}年或${year}年内`);
  const note = check.text('note', '说明', input.note, { max: 500 });
  return write(ctx, async ({ tx, audit }) => {
    const org = await homeOrg(tx, ctx.actor.tenantId, FLOOD_DEPARTMENT);
    assertInScope(ctx.actor, org);
    const dup = await t(tx).selectFrom('flood_disclosure').select('year').where('tenant_id', '=', ctx.actor.tenantId).where('year', '=', year).executeTakeFirst();
    if (dup) throw errors.duplicate('year', `${year}年度的责任人名单已公示`);
    const names = await orgNames(tx, ctx.actor.tenantId);
    const works = await t(tx).selectFrom('flood_work').selectAll().where('tenant_id', '=', ctx.actor.tenantId).orderBy('kind').orderBy('name').execute();
    if (!works.length) throw errors.gate('NO_WORKS', '尚未登记任何水利工程及其责任人，无法公示');
    const snapshot = works.map((w) => publicWork(w, names));
    await t(tx).insertInto('flood_disclosure').values({ tenant_id: ctx.actor.tenantId, year, org_id: org, published_on: publishedOn, note, snapshot: JSON.stringify(snapshot) }).execute();
    await audit({ entity: 'flood.disclosure', entityId: String(year), action: 'published', orgId: org, after: { year, publishedOn, works: works.length, note } });
    return { year, publishedOn, works: works.length };
  });
}
