import type { Ctx } from '../../core/context.js';
import type { LedgerDef, RowError } from '../../core/ledger/ledger.js';
import { defineLedgerSpec, type RowOf } from '../../core/ledger/spec.js';
import { errors } from '../../core/errors.js';
import { orgNames, streetsByName } from './input.js';
import {
  type DeploymentFilter,
  type DutyFilter,
  listAllProgress,
  listDeployments,
  listDuty,
  listProjects,
  listRiskPoints,
  type ProjectFilter,
  type RiskPointFilter,
  listWorks,
  type WorkFilter,
  pointIdsByCode,
  streetIds,
  updatedImportRows,
  workPhonesByName,
} from './repository.js';
import {
  saveDeployments,
  saveDutyDays,
  saveProgress,
  saveProjects,
  saveRiskPoints,
  saveWorks,
  type ProjectSave,
  type RiskPointSave,
  type WorkSave,
} from './commands.js';
import { deleteDutyDays, dropImportedProgress } from './undo.js';
import { summary } from './batch.js';
import { riskPointAudit } from './presenters.js';
import { lastImport } from '../../core/persist.js';
import { publicPhone } from './rules.js';
import { openPhone } from './pii.js';

const WRITE = 'flood.write';
/** Who reads (exports) and writes (imports) the flood ledgers. */
const ACCESS = { readPermission: 'flood.read', writePermission: WRITE } as const;

type Rows<R> = ReadonlyArray<{ rowNumber: number; value: R }>;
/** An import that wrote nothing: its row errors. */
const refused = (errors: RowError[]) => ({ created: 0, updated: 0, unchanged: 0, errors });

/**
 * Each row with its 所在街道 resolved by name (one query; none named: null); a name that is not one of
 * the bureau's streets is a row error.
 */
async function withStreets<R extends { street: string | null }>(ctx: Ctx, rows: Rows<R>) {
  const streets = await streetsByName(ctx.db, ctx.actor.tenantId);
  const errors: RowError[] = [];
  const named: Array<{ row: number; v: R; streetId: string | null }> = [];
  for (const { rowNumber: row, value: v } of rows) {
    const s = v.street ? streets.find(v.street) : null;
    if (v.street && !s) errors.push({ row, column: '所在街道', message: `“${v.street}”不是本局的街道`, value: v.street });
    else named.push({ row, v, streetId: s?.id ?? null });
  }
  return { named, errors };
}

/**
 * Each row with the id of the risk point its 编号 names (one query); an unknown 编号 is a row
 * error (`unknown`: its message).
 */
async function withPoints<R extends { code: string }>(ctx: Ctx, rows: Rows<R>, unknown: string) {
  const points = new Map((await pointIdsByCode(ctx.db, ctx.actor.tenantId, [...new Set(rows.map((r) => r.value.code))])).map((r) => [r.code, r.id]));
  const errors: RowError[] = rows
    .filter((r) => !points.has(r.value.code))
    .map((r) => ({ row: r.rowNumber, column: '编号', message: unknown, value: r.value.code }));
  return { rows: rows.map(({ rowNumber: row, value: v }) => ({ row, v, pointId: points.get(v.code)! })), errors };
}

/** The risk points in the actor's scope as the 水浸风险点台账 lists them (所在街道 by name). */
/** The points as rows of the ledger: every one in scope, or (`filter`: the risk point list's export) exactly the list's rows, in its order. */
async function pointRows(ctx: Ctx, filter?: unknown) {
  const names = await orgNames(ctx.db, ctx.actor.tenantId);
  return (await listRiskPoints(ctx, (filter as RiskPointFilter | undefined) ?? {})).map((r) => {
    const { orgId, ...v } = riskPointAudit(r);
    return { ...v, street: names.get(orgId) ?? '' };
  });
}

// ─────────────── 水浸风险点台账 ───────────────
export const riskPointsSpec = defineLedgerSpec({
  key: 'flood-risk-points',
  title: '水浸风险点台账',
  columns: [
    { key: 'code', header: '编号', type: 'text', required: true, example: 'TH-001' },
    { key: 'name', header: '名称', type: 'text', required: true, example: '燕岭路燕岭大厦对出双向辅道' },
    { key: 'street', header: '所在街道', type: 'text', required: true, example: '沙河街道' },
    { key: 'lng', header: '经度', type: 'decimal', validate: (v: unknown) => (Number(v) < 73 || Number(v) > 136 ? '经度应在73至136之间' : undefined) },
    { key: 'lat', header: '纬度', type: 'decimal', validate: (v: unknown) => (Number(v) < 3 || Number(v) > 54 ? '纬度应在3至54之间' : undefined) },
    { key: 'riskLevel', header: '风险等级', type: 'enum', enum: ['高', '中', '低'] as const },
    { key: 'registeredOn', header: '纳入台账日期', type: 'date', required: true },
    { key: 'measure', header: '整治措施', type: 'text' },
    { key: 'status', header: '整治状态', type: 'enum', required: true, enum: ['未整治', '整治中', '已完成'] as const },
    { key: 'completedOn', header: '完成日期', type: 'date' },
    { key: 'adminPerson', header: '行政责任人', type: 'text' },
    { key: 'techPerson', header: '技术责任人', type: 'text' },
    { key: 'patrolPerson', header: '巡查责任人', type: 'text' },
  ],
  checkRow: (r) => {
    const out: Array<{ key: 'completedOn' | 'lat' | 'lng'; message: string }> = [];
    if (r.status === '已完成' && !r.completedOn) out.push({ key: 'completedOn', message: '整治状态为“已完成”时须填写完成日期' });
    if (r.status !== '已完成' && r.completedOn) out.push({ key: 'completedOn', message: '未完成整治的风险点不应填写完成日期' });
    if (r.completedOn && r.completedOn < r.registeredOn) out.push({ key: 'completedOn', message: '完成日期不能早于纳入台账日期' });
    if ((r.lng == null) !== (r.lat == null)) out.push({ key: r.lng == null ? 'lng' : 'lat', message: '经度和纬度须同时填写' });
    return out;
  },
});
type RiskPointRow = RowOf<typeof riskPointsSpec>;

export const riskPointsLedger: LedgerDef<RiskPointRow> = {
  spec: riskPointsSpec,
  ...ACCESS,
  async commit(imp, rows) {
    const { named, errors } = await withStreets(imp.ctx, rows);
    if (errors.length) return refused(errors);
    const inputs: RiskPointSave[] = named.map(({ row, v: { street: _, ...v }, streetId }) => ({ row, ...v, orgId: streetId }));
    return summary(await saveRiskPoints(imp.w, inputs, { mode: 'historical', imp }));
  },
  exportRows: pointRows,
  undo: { table: 'flood_risk_point', beforeDelete: dropImportedProgress('flood-risk-points') },
};

// ─────────────── 风险点责任人台账 (the seed's second ledger) ───────────────
export const riskPersonsSpec = defineLedgerSpec({
  key: 'flood-risk-persons',
  title: '水浸风险点责任人台账',
  columns: [
    { key: 'code', header: '编号', type: 'text', required: true },
    { key: 'name', header: '名称', type: 'text' },
    { key: 'street', header: '所在街道', type: 'text' },
    { key: 'adminPerson', header: '行政责任人', type: 'text' },
    { key: 'techPerson', header: '技术责任人', type: 'text' },
    { key: 'patrolPerson', header: '巡查责任人', type: 'text' },
  ],
} as const);
type RiskPersonsRow = RowOf<typeof riskPersonsSpec>;

export const riskPersonsLedger: LedgerDef<RiskPersonsRow> = {
  spec: riskPersonsSpec,
  ...ACCESS,
  async commit(imp, rows) {
    const { rows: known, errors } = await withPoints(imp.ctx, rows, '风险点台账中没有此编号，请先导入水浸风险点台账');
    if (errors.length) return refused(errors);
    const inputs: RiskPointSave[] = known.map(({ row, v, pointId: id }) => ({
      row,
      id,
      adminPerson: v.adminPerson,
      techPerson: v.techPerson,
      patrolPerson: v.patrolPerson,
    }));
    return summary(await saveRiskPoints(imp.w, inputs, { mode: 'historical', imp }));
  },
  async exportRows(ctx) {
    return (await pointRows(ctx)).map(({ code, name, street, adminPerson, techPerson, patrolPerson }) => ({
      code,
      name,
      street,
      adminPerson,
      techPerson,
      patrolPerson,
    }));
  },
  undo: { table: 'flood_risk_point' },
};

// ─────────────── 整治进度台账 (the seed's third ledger) ───────────────
export const riskProgressSpec = defineLedgerSpec({
  key: 'flood-risk-progress',
  title: '水浸风险点整治进度台账',
  columns: [
    { key: 'code', header: '编号', type: 'text', required: true },
    { key: 'name', header: '名称', type: 'text' },
    { key: 'onDate', header: '进展日期', type: 'date', required: true },
    { key: 'status', header: '整治状态', type: 'enum', required: true, enum: ['未整治', '整治中', '已完成'] as const },
    { key: 'note', header: '进展情况', type: 'text', required: true },
  ],
} as const);
type RiskProgressRow = RowOf<typeof riskProgressSpec>;

/** Import appends the updates not yet recorded (same point, date, status and text), in date order, through the progress rules. */
export const riskProgressLedger: LedgerDef<RiskProgressRow> = {
  spec: riskProgressSpec,
  ...ACCESS,
  async commit(imp, rows) {
    const { rows: known, errors } = await withPoints(imp.ctx, rows, '风险点台账中没有此编号');
    if (errors.length) return refused(errors);
    const inputs = known.map(({ row, v, pointId }) => ({ row, pointId, onDate: v.onDate, status: v.status, note: v.note }));
    return summary(await saveProgress(imp.w, inputs, { mode: 'historical', imp }));
  },
  async exportRows(ctx) {
    return (await listAllProgress(ctx)).map((p) => ({ code: p.code, name: p.name, onDate: p.on_date, status: p.status, note: p.note }));
  },
  undo: { table: 'flood_risk_point', beforeDelete: dropImportedProgress('flood-risk-progress') },
};

// ─────────────── 内涝治理项目 ───────────────
export const projectsSpec = defineLedgerSpec({
  key: 'flood-projects',
  title: '内涝治理项目',
  columns: [
    { key: 'name', header: '名称', type: 'text', required: true },
    { key: 'kind', header: '类型', type: 'enum', required: true, enum: ['内涝治理项目', '零星排水改造应急工程'] as const },
    { key: 'street', header: '所在街道', type: 'text' },
    { key: 'startedOn', header: '开始日期', type: 'date' },
    { key: 'completedOn', header: '完成日期', type: 'date' },
    { key: 'status', header: '状态', type: 'text' },
  ],
  checkRow: (r) => (r.startedOn && r.completedOn && r.completedOn < r.startedOn ? [{ key: 'completedOn' as const, message: '完成日期不能早于开始日期' }] : []),
});
type ProjectRow = RowOf<typeof projectsSpec>;

export const projectsLedger: LedgerDef<ProjectRow> = {
  spec: projectsSpec,
  ...ACCESS,
  async commit(imp, rows) {
    const { named, errors } = await withStreets(imp.ctx, rows);
    if (errors.length) return refused(errors);
    const inputs: ProjectSave[] = named.map(({ row, v: { street: _, ...v }, streetId }) => ({ row, ...v, streetOrgId: streetId }));
    return summary(await saveProjects(imp.w, inputs, { mode: 'historical', imp }));
  },
  // `filter`: the project list's filters (its export: exactly the list's rows, in its order); absent: every project in scope.
  async exportRows(ctx, filter) {
    const names = await orgNames(ctx.db, ctx.actor.tenantId);
    return (await listProjects(ctx, (filter as ProjectFilter | undefined) ?? {})).map((p) => ({
      name: p.name,
      kind: p.kind,
      street: p.street_org_id ? (names.get(p.street_org_id) ?? null) : null,
      startedOn: p.started_on,
      completedOn: p.completed_on,
      status: p.status,
    }));
  },
  undo: { table: 'flood_project' },
};

// ─────────────── 抢险投入记录 ───────────────
export const deploymentsSpec = defineLedgerSpec({
  key: 'flood-deployments',
  title: '抢险投入记录',
  columns: [
    { key: 'onDate', header: '日期', type: 'date', required: true },
    { key: 'event', header: '事件', type: 'text', required: true },
    { key: 'persons', header: '投入人员 (人次)', type: 'int', required: true, validate: (v: unknown) => (Number(v) < 0 ? '不能为负数' : undefined) },
    { key: 'pumps', header: '抽水泵 (台次)', type: 'int', required: true, validate: (v: unknown) => (Number(v) < 0 ? '不能为负数' : undefined) },
    { key: 'vehicles', header: '车辆 (台次)', type: 'int', required: true, validate: (v: unknown) => (Number(v) < 0 ? '不能为负数' : undefined) },
  ],
} as const);
type DeploymentRow = RowOf<typeof deploymentsSpec>;

export const deploymentsLedger: LedgerDef<DeploymentRow> = {
  spec: deploymentsSpec,
  ...ACCESS,
  chunked: true,
  naturalKey: { header: '事件', of: (r) => `${r.onDate}|${r.event.trim()}`, describe: (r, prev) => ({ message: `与第${prev}行重复`, value: r.event }) },
  async commit(imp, rows) {
    const inputs = rows.map(({ rowNumber: row, value: v }) => ({
      row,
      onDate: v.onDate,
      event: v.event,
      persons: v.persons,
      pumps: v.pumps,
      vehicles: v.vehicles,
    }));
    return summary(await saveDeployments(imp.w, inputs, { mode: 'historical', imp }));
  },
  // `filter`: the deployment list's filters (its export: exactly the list's rows, in its order); absent: every record in scope.
  async exportRows(ctx, filter) {
    return (await listDeployments(ctx, (filter as DeploymentFilter | undefined) ?? {})).map((d) => ({
      onDate: d.on_date,
      event: d.event,
      persons: d.persons,
      pumps: d.pumps,
      vehicles: d.vehicles,
    }));
  },
  undo: { table: 'flood_deployment' },
};

// ─────────────── 值班表 ───────────────
export const dutySpec = defineLedgerSpec({
  key: 'duty-roster',
  title: '值班表',
  columns: [
    { key: 'date', header: '日期', type: 'date', required: true },
    {
      key: 'shift',
      header: '班次',
      type: 'text',
      required: true,
      example: '全天',
      note: '全天（08:30至次日08:30）、早班、中班、夜班，或“08:00-16:00”形式的时段',
    },
    { key: 'role', header: '角色 (A角/B角)', type: 'enum', required: true, enum: ['A角', 'B角'] as const },
    { key: 'person', header: '姓名', type: 'text', required: true },
    { key: 'phone', header: '联系电话', type: 'text' },
  ],
} as const);
type DutyRow = RowOf<typeof dutySpec>;

/**
 * The file replaces the roster of the days it covers (a day whose lines are the same is
 * left alone). A line that cannot be is a row error; a day without both roles, one
 * person on overlapping shifts or a day of the span with no duty are findings.
 */
export const dutyLedger: LedgerDef<DutyRow> = {
  spec: dutySpec,
  ...ACCESS,
  async commit(imp, rows) {
    const entries = rows.map((r) => ({
      row: r.rowNumber,
      date: r.value.date,
      shift: r.value.shift,
      role: r.value.role,
      person: r.value.person,
      phone: r.value.phone,
    }));
    return summary(await saveDutyDays(imp.w, entries, { mode: 'historical', imp }));
  },
  // `filter`: the duty list's filters (its export: exactly the list's lines, in its order); absent: every line in scope.
  async exportRows(ctx, filter) {
    const full = ctx.actor.permissions.has(WRITE);
    return (await listDuty(ctx, (filter as DutyFilter | undefined) ?? {})).map((d) => ({
      date: d.duty_date,
      shift: d.shift,
      role: d.role,
      person: d.person,
      phone: full ? openPhone(d.phone) : publicPhone(openPhone(d.phone)) || null,
    }));
  },
  undo: {
    table: 'flood_duty',
    // The records are days (id = the date): the lines of the days the import created go with
    // it; a day it replaced cannot be restored (its old lines are not kept), so that undo is refused.
    async beforeDelete(w, ctx, createdIds) {
      const tenantId = ctx.actor.tenantId;
      const last = await lastImport(w, tenantId, 'duty-roster');
      const replaced = last ? await updatedImportRows(w.tx, tenantId, last.id) : [];
      if (replaced.length) {
        const days = replaced
          .slice(0, 5)
          .map((r) => r.entity_id)
          .join('、');
        throw errors.gate(
          'IMPORT_UNDO_BLOCKED',
          `无法撤销：该次导入替换了已有的值班安排（${days}${replaced.length > 5 ? '等' : ''}），原安排无法自动恢复，请在值班表中直接调整`,
        );
      }
      await deleteDutyDays(w, tenantId, createdIds);
    },
  },
};

// ─────────────── 水利工程防汛责任人 ───────────────
export const worksSpec = defineLedgerSpec({
  key: 'flood-works',
  title: '水利工程防汛责任人',
  columns: [
    { key: 'name', header: '工程名称', type: 'text', required: true },
    { key: 'kind', header: '工程类型', type: 'text', required: true, example: '泵站' },
    { key: 'street', header: '所在街道', type: 'text' },
    { key: 'location', header: '位置', type: 'text' },
    { key: 'adminName', header: '行政责任人', type: 'text', required: true },
    { key: 'adminPost', header: '行政责任人职务', type: 'text' },
    { key: 'adminPhone', header: '行政责任人电话', type: 'text' },
    { key: 'techName', header: '技术责任人', type: 'text', required: true },
    { key: 'techPost', header: '技术责任人职务', type: 'text' },
    { key: 'techPhone', header: '技术责任人电话', type: 'text' },
    { key: 'patrolName', header: '巡查责任人', type: 'text', required: true },
    { key: 'patrolPost', header: '巡查责任人职务', type: 'text' },
    { key: 'patrolPhone', header: '巡查责任人电话', type: 'text' },
  ],
} as const);
type WorkRow = RowOf<typeof worksSpec>;

/** Phones export masked to users who may not edit; a masked phone (with *) in an import leaves the stored one unchanged. */
export const worksLedger: LedgerDef<WorkRow> = {
  spec: worksSpec,
  ...ACCESS,
  async commit(imp, rows) {
    const { ctx } = imp;
    const { named, errors } = await withStreets(ctx, rows);
    if (errors.length) return refused(errors);
    const names = rows.map((r) => r.value.name);
    const stored = new Map((await workPhonesByName(ctx.db, ctx.actor.tenantId, names)).map((r) => [r.name, r]));
    const inputs: WorkSave[] = named.map(({ row, v, streetId }) => {
      const old = stored.get(v.name);
      // A masked phone (as exported to readers) stands for the stored one.
      const phone = (p: string | null, was: string | null | undefined) => (p?.includes('*') ? openPhone(was) : p);
      return {
        row,
        name: v.name,
        kind: v.kind,
        location: v.location,
        orgId: streetId,
        admin: { name: v.adminName, post: v.adminPost, phone: phone(v.adminPhone, old?.admin_phone) },
        tech: { name: v.techName, post: v.techPost, phone: phone(v.techPhone, old?.tech_phone) },
        patrol: { name: v.patrolName, post: v.patrolPost, phone: phone(v.patrolPhone, old?.patrol_phone) },
      };
    });
    return summary(await saveWorks(imp.w, inputs, { mode: 'historical', imp }));
  },
  // `filter`: the works list's filters (its export: exactly the list's rows, in its order); absent: every work in scope.
  async exportRows(ctx, filter) {
    const names = await orgNames(ctx.db, ctx.actor.tenantId);
    const full = ctx.actor.permissions.has(WRITE);
    const ph = (stored: string | null) => {
      const p = openPhone(stored);
      return full ? p : publicPhone(p) || null;
    };
    const streetKind = await streetIds(ctx.db, ctx.actor.tenantId);
    return (await listWorks(ctx, (filter as WorkFilter | undefined) ?? {})).map((r) => ({
      name: r.name,
      kind: r.kind,
      street: streetKind.has(r.org_id) ? (names.get(r.org_id) ?? null) : null,
      location: r.location,
      adminName: r.admin_name,
      adminPost: r.admin_post,
      adminPhone: ph(r.admin_phone),
      techName: r.tech_name,
      techPost: r.tech_post,
      techPhone: ph(r.tech_phone),
      patrolName: r.patrol_name,
      patrolPost: r.patrol_post,
      patrolPhone: ph(r.patrol_phone),
    }));
  },
  undo: { table: 'flood_work' },
};

export const floodLedgers = [riskPointsLedger, riskPersonsLedger, riskProgressLedger, projectsLedger, deploymentsLedger, dutyLedger, worksLedger];
