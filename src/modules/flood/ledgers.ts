import type { LedgerDef, RowError } from '../../core/ledger/ledger.js';
import { defineLedgerSpec, type RowOf } from '../../core/ledger/spec.js';
import { isoDateInShanghai } from '../../core/calendar/calendar.js';
import { FLOOD_DEPARTMENT, homeOrg, orgNames, streetsByName } from './input.js';
import { listAllProgress, listDeployments, listDuty, listProjects, listRiskPoints, listWorks, t } from './repository.js';
import { deploymentAudit, projectAudit, riskPointAudit, workAudit } from './presenters.js';
import { upsertByKey } from './ledgerKit.js';
import { applyRoster, FIELD_LABEL } from './commands.js';
import { progressProblem, publicPhone } from './rules.js';
import type { RiskStatus } from './schema.js';

const READ = 'flood.read';
const WRITE = 'flood.write';

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
  readPermission: READ,
  writePermission: WRITE,
  async commit({ ctx, w }, rows) {
    const streets = await streetsByName(w.tx, ctx.actor.tenantId);
    const existing = await t(w.tx).selectFrom('flood_risk_point').selectAll().where('tenant_id', '=', ctx.actor.tenantId).execute();
    const prior = new Map(existing.map((e) => [e.code, e.status]));
    const res = await upsertByKey(ctx, w, {
      table: 'flood_risk_point',
      entity: 'flood.risk_point',
      rows,
      existing,
      keyOf: (r) => r.code,
      keyHeader: '编号',
      via: 'ledger:flood-risk-points',
      view: riskPointAudit,
      values(v, row) {
        const s = streets.find(v.street);
        if (!s) return [{ row, column: '所在街道', message: `“${v.street}”不是本局的街道`, value: v.street }];
        return {
          code: v.code, name: v.name, org_id: s.id, lng: v.lng, lat: v.lat, risk_level: v.riskLevel, registered_on: v.registeredOn, measure: v.measure,
          status: v.status, completed_on: v.completedOn, admin_person: v.adminPerson, tech_person: v.techPerson, patrol_person: v.patrolPerson,
        };
      },
    });
    if (res.errors.length) return res;
    // A status the ledger changes is also a dated progress record (so the progress ledger stays complete).
    const after = await t(w.tx).selectFrom('flood_risk_point').selectAll().where('tenant_id', '=', ctx.actor.tenantId).execute();
    const moved = after.filter((p) => prior.get(p.code) !== p.status && rows.some((r) => r.value.code === p.code));
    if (moved.length) {
      await t(w.tx)
        .insertInto('flood_risk_progress')
        .values(moved.map((p) => ({ tenant_id: ctx.actor.tenantId, org_id: p.org_id, point_id: p.id, on_date: p.completed_on ?? isoDateInShanghai(new Date()), status: p.status, note: '台账导入', created_by: ctx.actor.name })))
        .execute();
    }
    return res;
  },
  async exportRows(ctx) {
    const names = await orgNames(ctx.db, ctx.actor.tenantId);
    return (await listRiskPoints(ctx)).map((r) => ({
      code: r.code, name: r.name, street: names.get(r.org_id) ?? '', lng: r.lng == null ? null : Number(r.lng), lat: r.lat == null ? null : Number(r.lat), riskLevel: r.risk_level,
      registeredOn: r.registered_on, measure: r.measure, status: r.status, completedOn: r.completed_on, adminPerson: r.admin_person, techPerson: r.tech_person, patrolPerson: r.patrol_person,
    }));
  },
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
  readPermission: READ,
  writePermission: WRITE,
  async commit({ ctx, w }, rows) {
    const existing = await t(w.tx).selectFrom('flood_risk_point').selectAll().where('tenant_id', '=', ctx.actor.tenantId).execute();
    const known = new Set(existing.map((e) => e.code));
    const missing: RowError[] = rows.filter((r) => !known.has(r.value.code)).map((r) => ({ row: r.rowNumber, column: '编号', message: '风险点台账中没有此编号，请先导入水浸风险点台账', value: r.value.code }));
    if (missing.length) return { created: 0, updated: 0, unchanged: 0, errors: missing };
    return upsertByKey(ctx, w, {
      table: 'flood_risk_point', entity: 'flood.risk_point', rows, existing, keyOf: (r) => r.code, keyHeader: '编号', via: 'ledger:flood-risk-persons', view: riskPointAudit,
      values: (v) => ({ code: v.code, admin_person: v.adminPerson, tech_person: v.techPerson, patrol_person: v.patrolPerson }),
    });
  },
  async exportRows(ctx) {
    const names = await orgNames(ctx.db, ctx.actor.tenantId);
    return (await listRiskPoints(ctx)).map((r) => ({ code: r.code, name: r.name, street: names.get(r.org_id) ?? '', adminPerson: r.admin_person, techPerson: r.tech_person, patrolPerson: r.patrol_person }));
  },
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

/** Import appends the updates not yet recorded (same point, date, status and text), in date order, under the progress rules. */
export const riskProgressLedger: LedgerDef<RiskProgressRow> = {
  spec: riskProgressSpec,
  readPermission: READ,
  writePermission: WRITE,
  async commit({ ctx, w }, rows) {
    const tenantId = ctx.actor.tenantId;
    const points = new Map((await t(w.tx).selectFrom('flood_risk_point').selectAll().where('tenant_id', '=', tenantId).execute()).map((p) => [p.code, p]));
    const progress = await t(w.tx).selectFrom('flood_risk_progress').selectAll().where('tenant_id', '=', tenantId).execute();
    const have = new Set(progress.map((p) => `${p.point_id}|${p.on_date}|${p.status}|${p.note}`));
    const last = new Map<string, string>();
    for (const p of progress) if ((last.get(p.point_id) ?? '') < p.on_date) last.set(p.point_id, p.on_date);
    const state = new Map([...points.values()].map((p) => [p.id, { status: p.status as RiskStatus, completedOn: p.completed_on }]));
    const errors: RowError[] = [];
    const add: Array<{ rowNumber: number; point: (typeof points extends Map<any, infer P> ? P : never); v: RiskProgressRow }> = [];
    let unchanged = 0;
    for (const { rowNumber, value: v } of [...rows].sort((a, b) => a.value.onDate.localeCompare(b.value.onDate) || a.rowNumber - b.rowNumber)) {
      const p = points.get(v.code);
      if (!p) {
        errors.push({ row: rowNumber, column: '编号', message: '风险点台账中没有此编号', value: v.code });
        continue;
      }
      if (have.has(`${p.id}|${v.onDate}|${v.status}|${v.note}`)) {
        unchanged++;
        continue;
      }
      const st = state.get(p.id)!;
      const problem = progressProblem({ status: st.status, registeredOn: p.registered_on, lastUpdateOn: last.get(p.id) ?? null }, { onDate: v.onDate, status: v.status }, isoDateInShanghai(new Date()));
      if (problem) {
        errors.push({ row: rowNumber, column: problem.field === 'onDate' ? '进展日期' : '整治状态', message: problem.message, value: problem.field === 'onDate' ? v.onDate : v.status });
        continue;
      }
      st.status = v.status;
      st.completedOn = v.status === '已完成' ? v.onDate : null;
      last.set(p.id, v.onDate);
      add.push({ rowNumber, point: p, v });
    }
    if (errors.length) return { created: 0, updated: 0, unchanged: 0, errors };
    if (add.length) {
      await t(w.tx).insertInto('flood_risk_progress').values(add.map(({ point, v }) => ({ tenant_id: tenantId, org_id: point.org_id, point_id: point.id, on_date: v.onDate, status: v.status, note: v.note, created_by: ctx.actor.name }))).execute();
    }
    const touched = [...new Set(add.map((a) => a.point.id))];
    for (const id of touched) {
      const p = [...points.values()].find((x) => x.id === id)!;
      const st = state.get(id)!;
      await t(w.tx).updateTable('flood_risk_point').set({ status: st.status, completed_on: st.completedOn, version: p.version + 1, updated_at: new Date() }).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
    }
    await w.auditMany(
      add.map(({ point, v }) => ({ entity: 'flood.risk_point', entityId: point.id, action: 'progressed', orgId: point.org_id, after: { status: v.status }, note: { onDate: v.onDate, note: v.note, via: 'ledger:flood-risk-progress' } })),
    );
    return { created: add.length, updated: 0, unchanged, errors: [] };
  },
  async exportRows(ctx) {
    return (await listAllProgress(ctx)).map((p) => ({ code: p.code, name: p.name, onDate: p.on_date, status: p.status, note: p.note }));
  },
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
  readPermission: READ,
  writePermission: WRITE,
  async commit({ ctx, w }, rows) {
    const streets = await streetsByName(w.tx, ctx.actor.tenantId);
    const home = await homeOrg(w.tx, ctx.actor.tenantId, FLOOD_DEPARTMENT);
    const existing = await t(w.tx).selectFrom('flood_project').selectAll().where('tenant_id', '=', ctx.actor.tenantId).execute();
    return upsertByKey(ctx, w, {
      table: 'flood_project', entity: 'flood.project', rows, existing, keyOf: (r) => `${r.kind}|${r.name}`, keyHeader: '名称', via: 'ledger:flood-projects', view: projectAudit,
      values(v, row) {
        const s = v.street ? streets.find(v.street) : null;
        if (v.street && !s) return [{ row, column: '所在街道', message: `“${v.street}”不是本局的街道`, value: v.street }];
        return { name: v.name, kind: v.kind, street_org_id: s?.id ?? null, org_id: s?.id ?? home, started_on: v.startedOn, completed_on: v.completedOn, status: v.status };
      },
    });
  },
  async exportRows(ctx) {
    const names = await orgNames(ctx.db, ctx.actor.tenantId);
    return (await listProjects(ctx)).map((p) => ({ name: p.name, kind: p.kind, street: p.street_org_id ? names.get(p.street_org_id) ?? null : null, startedOn: p.started_on, completedOn: p.completed_on, status: p.status }));
  },
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
  readPermission: READ,
  writePermission: WRITE,
  async commit({ ctx, w }, rows) {
    const home = await homeOrg(w.tx, ctx.actor.tenantId, FLOOD_DEPARTMENT);
    const existing = await t(w.tx).selectFrom('flood_deployment').selectAll().where('tenant_id', '=', ctx.actor.tenantId).execute();
    return upsertByKey(ctx, w, {
      table: 'flood_deployment', entity: 'flood.deployment', rows, existing, keyOf: (r) => `${r.on_date}|${r.event}`, keyHeader: '事件', via: 'ledger:flood-deployments', view: deploymentAudit,
      values: (v) => ({ on_date: v.onDate, event: v.event, persons: v.persons, pumps: v.pumps, vehicles: v.vehicles, org_id: home }),
    });
  },
  async exportRows(ctx) {
    return (await listDeployments(ctx)).map((d) => ({ onDate: d.on_date, event: d.event, persons: d.persons, pumps: d.pumps, vehicles: d.vehicles }));
  },
};

// ─────────────── 值班表 ───────────────
export const dutySpec = defineLedgerSpec({
  key: 'duty-roster',
  title: '值班表',
  columns: [
    { key: 'date', header: '日期', type: 'date', required: true },
    { key: 'shift', header: '班次', type: 'text', required: true, example: '全天', note: '全天（08:30至次日08:30）、早班、中班、夜班，或“08:00-16:00”形式的时段' },
    { key: 'role', header: '角色 (A角/B角)', type: 'enum', required: true, enum: ['A角', 'B角'] as const },
    { key: 'person', header: '姓名', type: 'text', required: true },
    { key: 'phone', header: '联系电话', type: 'text' },
  ],
} as const);
type DutyRow = RowOf<typeof dutySpec>;

const DUTY_HEADERS: Record<string, string> = { date: '日期', shift: '班次', role: '角色 (A角/B角)', person: '姓名', phone: '联系电话' };

/** The file replaces the roster of the days it covers; any rule broken names its row and column, and nothing is written. */
export const dutyLedger: LedgerDef<DutyRow> = {
  spec: dutySpec,
  readPermission: READ,
  writePermission: WRITE,
  async commit({ ctx, w }, rows) {
    const entries = rows.map((r) => ({ date: r.value.date, shift: r.value.shift, role: r.value.role, person: r.value.person, phone: r.value.phone }));
    const res = await applyRoster(ctx, w, entries, (i) => `第${rows[i]!.rowNumber}行`);
    if (!res.ok) {
      return { created: 0, updated: 0, unchanged: 0, errors: res.issues.map((x) => ({ row: rows[x.index]!.rowNumber, column: DUTY_HEADERS[x.field] ?? FIELD_LABEL[x.field] ?? x.field, message: x.message, value: String((entries[x.index] as any)?.[x.field] ?? '') })) };
    }
    return { created: res.entries, updated: 0, unchanged: 0, errors: [] };
  },
  async exportRows(ctx) {
    const full = ctx.actor.permissions.has(WRITE);
    return (await listDuty(ctx, { from: '1900-01-01', to: '2100-12-31' })).map((d) => ({ date: d.duty_date, shift: d.shift, role: d.role, person: d.person, phone: full ? d.phone : publicPhone(d.phone) || null }));
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
  readPermission: READ,
  writePermission: WRITE,
  async commit({ ctx, w }, rows) {
    const streets = await streetsByName(w.tx, ctx.actor.tenantId);
    const home = await homeOrg(w.tx, ctx.actor.tenantId, FLOOD_DEPARTMENT);
    const existing = await t(w.tx).selectFrom('flood_work').selectAll().where('tenant_id', '=', ctx.actor.tenantId).execute();
    const byName = new Map(existing.map((e) => [e.name, e]));
    const phone = (v: string | null, old: string | null | undefined) => (v && v.includes('*') ? old ?? null : v);
    return upsertByKey(ctx, w, {
      table: 'flood_work', entity: 'flood.work', rows, existing, keyOf: (r) => r.name, keyHeader: '工程名称', via: 'ledger:flood-works', view: workAudit,
      values(v, row) {
        const s = v.street ? streets.find(v.street) : null;
        if (v.street && !s) return [{ row, column: '所在街道', message: `“${v.street}”不是本局的街道`, value: v.street }];
        const bad = (['adminPhone', 'techPhone', 'patrolPhone'] as const).find((k) => v[k] && !v[k]!.includes('*') && !/^(1\d{10}|0\d{2,3}-?\d{7,8}|\d{7,8})$/.test(v[k]!));
        if (bad) return [{ row, column: worksSpec.columns.find((c) => c.key === bad)!.header, message: '电话格式不正确（手机号11位，或带区号的固定电话）', value: v[bad]! }];
        const old = byName.get(v.name);
        return {
          name: v.name, kind: v.kind, location: v.location, org_id: s?.id ?? home,
          admin_name: v.adminName, admin_post: v.adminPost, admin_phone: phone(v.adminPhone, old?.admin_phone),
          tech_name: v.techName, tech_post: v.techPost, tech_phone: phone(v.techPhone, old?.tech_phone),
          patrol_name: v.patrolName, patrol_post: v.patrolPost, patrol_phone: phone(v.patrolPhone, old?.patrol_phone),
        };
      },
    });
  },
  async exportRows(ctx) {
    const names = await orgNames(ctx.db, ctx.actor.tenantId);
    const full = ctx.actor.permissions.has(WRITE);
    const ph = (p: string | null) => (full ? p : publicPhone(p) || null);
    const streetKind = new Set((await ctx.db.selectFrom('org').select('id').where('tenant_id', '=', ctx.actor.tenantId).where('kind', '=', 'street').execute()).map((o) => o.id));
    return (await listWorks(ctx)).map((r) => ({
      name: r.name, kind: r.kind, street: streetKind.has(r.org_id) ? names.get(r.org_id) ?? null : null, location: r.location,
      adminName: r.admin_name, adminPost: r.admin_post, adminPhone: ph(r.admin_phone),
      techName: r.tech_name, techPost: r.tech_post, techPhone: ph(r.tech_phone),
      patrolName: r.patrol_name, patrolPost: r.patrol_post, patrolPhone: ph(r.patrol_phone),
    }));
  },
};

export const floodLedgers = [riskPointsLedger, riskPersonsLedger, riskProgressLedger, projectsLedger, deploymentsLedger, dutyLedger, worksLedger];
