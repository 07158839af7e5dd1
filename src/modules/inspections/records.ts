/**
 * 行政检查记录 — the register of every inspection the bureau makes (涉企检查 included): its entity,
 * kind, legal basis, ≥ 2 certified inspectors, findings and follow-up; the 双随机 results become
 * records of this register (written with the result, `recordOfTaskResult`). One save path for
 * the form (live: a broken rule refuses the write naming the field) and the ledger (historical:
 * a broken rule of a past record is a finding, a row that cannot be a record a row error).
 */
import { type Static, Type } from '@fastify/type-provider-typebox';
import type { Ctx } from '../../core/context.js';
import type { CalendarService } from '../../core/calendar/service.js';
import { write, type WriteScope } from '../../core/audit/audit.js';
import { AppError, errors } from '../../core/errors.js';
import { OptDay, OptText, OptUuid } from '../../core/schemas.js';
import { check, IsoDate } from '../../core/input.js';
import { ownerOrgForCreate } from '../../core/scope.js';
import { isValidUscc } from '../../core/ledger/validators.js';
import type { RowError, WriteOrigin } from '../../core/ledger/ledger.js';
import { type AnyRow, persist, type SaveResult } from '../../core/persist.js';
import { updateVersioned } from '../../core/versioned.js';
import {
  enforcementCasesByIds,
  enforcementClueById,
  enforcementItemById,
  enforcementOfficersByIds,
  listEnforcementItems,
  listEnforcementOfficers,
} from '../enforcement/index.js';
import {
  annualPlanOf,
  entitiesByName,
  entityById,
  entityByUscc,
  entityCodeCount,
  entityYearCount,
  getAnnualPlan,
  getRecord,
  inspectorsByIds,
  insertAnnualEntries,
  insertAnnualPlan,
  insertEntity,
  itemById,
  itemsByName,
  knownEntityIds,
  lastRecordSeq,
  matchingEntry,
  type RecordRow,
  recordsByNo,
  type TaskRow,
} from './repository.js';
import {
  capWarning,
  DEFAULT_ENTITY_CAP,
  FOLLOW_UPS,
  type FollowUp,
  followUpProblems,
  inspectorProblems,
  needsOffPlanReason,
  RECORD_KINDS,
  type RecordKind,
  rectifyRule,
  SOURCES,
} from './rules.js';
import type { RecordInspector } from './schema.js';
import { linkProblem, recordEventCommand, type RECORD_EVENT_COMMANDS } from './recordEvents.js';
import { type RecordEvent, recordStage, recordWho, requireRecordStep } from './workflow.js';

export const RECORD_ENTITY = 'inspections.record';

/** The ledger's column of each input field (its errors and findings name them). */
export const RECORD_COLUMNS: Record<string, string> = {
  recordNo: '检查编号',
  inspectedOn: '检查日期',
  entityName: '检查对象名称',
  entityUscc: '统一社会信用代码',
  entityId: '检查对象名称',
  kind: '检查类别',
  enterprise: '是否入企检查',
  basis: '检查依据',
  itemId: '检查依据',
  catalogueId: '检查依据',
  officerIds: '检查人员',
  inspectorNames: '检查人员',
  offPlanReason: '计划外检查理由',
  findings: '检查情况',
  followUp: '处理结果',
  rectifyDueOn: '整改期限',
  rectifiedOn: '整改完成日期',
  clueId: '关联线索或案件编号',
  caseId: '关联线索或案件编号',
  followRef: '关联线索或案件编号',
  closedOn: '办结日期',
  orgId: '检查单位',
};

/** 登记行政检查 — the form's body (closed). The entity is one of the register (`entityId`) or a new one (name and 统一社会信用代码). */
export const RegisterRecordBody = Type.Object(
  {
    inspectedOn: IsoDate,
    kind: Type.String({ maxLength: 20 }),
    entityId: OptUuid(),
    entityName: OptText(200),
    entityUscc: OptText(18),
    entityKind: OptText(50),
    enterprise: Type.Optional(Type.Boolean()),
    itemId: OptUuid(),
    catalogueId: OptUuid(),
    officerIds: Type.Array(Type.String({ format: 'uuid' }), { maxItems: 20 }),
    offPlanReason: OptText(1000),
    findings: OptText(4000),
    followUp: Type.String({ maxLength: 20 }),
    rectifyDueOn: OptDay(),
    clueId: OptUuid(),
    caseId: OptUuid(),
    orgId: OptUuid(),
  },
  { additionalProperties: false },
);

/** One record to save: the form's fields, or a ledger row's (names and numbers instead of ids). */
export type RecordSave = Partial<Static<typeof RegisterRecordBody>> & {
  row?: number;
  inspectedOn: string;
  kind: string;
  followUp: string;
  recordNo?: string | null;
  basis?: string | null;
  inspectorNames?: string[] | null;
  rectifiedOn?: string | null;
  closedOn?: string | null;
  followRef?: string | null;
};

type Sys = { calendar: CalendarService };
type Warn = { rule: string; statute: string; message: string; field?: string; column?: string };

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
const optText = (v: unknown) => str(v) || null;
const year = (d: string) => Number(d.slice(0, 4));

/** Runs an async check of one input: live, its error is thrown as is; historical, it becomes a row error naming the column. */
async function checked<T>(origin: WriteOrigin, at: { row?: number; errs: RowError[] }, fn: () => Promise<T>): Promise<T | undefined> {
  if (origin.mode === 'live') return fn();
  try {
    return await fn();
  } catch (e) {
    if (!(e instanceof AppError) || e.status >= 500) throw e;
    const f = e.field ?? '';
    at.errs.push({ row: at.row ?? 0, column: RECORD_COLUMNS[f] ?? '检查编号', message: e.message });
    return undefined;
  }
}

/** The entity: of the register by id, by 统一社会信用代码, by name; else a new one (its code `QY-NNNN`). */
async function resolveEntity(w: WriteScope, s: RecordSave, at: { orgId: string; old?: AnyRow }) {
  const tenantId = w.ctx.actor.tenantId;
  const orgId = at.orgId;
  if (at.old && !s.entityId) {
    // A stored record keeps its entity while the row names it the same.
    const e = await entityById(w.tx, tenantId, String(at.old.entity_id));
    if (e && e.name === str(s.entityName) && (!str(s.entityUscc) || str(s.entityUscc).toUpperCase() === e.uscc)) return e;
  }
  if (s.entityId) {
    const e = await entityById(w.tx, tenantId, s.entityId);
    if (!e) throw errors.validation('entityId', '检查对象不存在');
    return e;
  }
  const uscc = str(s.entityUscc).toUpperCase();
  if (uscc && !isValidUscc(uscc)) throw errors.validation('entityUscc', '统一社会信用代码校验位不符，请逐位核对');
  const name = str(s.entityName);
  const found = uscc ? await entityByUscc(w.tx, tenantId, uscc) : undefined;
  if (found) return found;
  if (!name)
    throw errors.validation(uscc ? 'entityName' : 'entityId', uscc ? '新检查对象请填写名称' : '请选择检查对象，或填写新检查对象的名称和统一社会信用代码');
  if (!uscc) {
    const byName = await entitiesByName(w.tx, tenantId, name);
    if (byName.length === 1) return byName[0]!;
    if (byName.length > 1) throw errors.validation('entityUscc', `名称为“${name}”的检查对象不止一个，请填写统一社会信用代码`);
  }
  const n = (await entityCodeCount(w.tx, tenantId, 'QY-')) + 1;
  const row = await insertEntity(w.tx, {
    tenant_id: tenantId,
    org_id: orgId,
    code: `QY-${String(n).padStart(4, '0')}`,
    name,
    kind: str(s.entityKind) || '企业',
    uscc: uscc || null,
  });
  await w.audit({
    entity: 'inspections.entity',
    entityId: row.id,
    action: 'created',
    orgId,
    after: { code: row.code, name, uscc: row.uscc },
    note: { via: 'inspection' },
  });
  return row;
}

/** The enforcement catalogue and officers a ledger's names are looked up in: read once per save, when first needed (not once per row). */
type Lookups = { catalogue: () => ReturnType<typeof listEnforcementItems>; officers: () => ReturnType<typeof listEnforcementOfficers> };
function lookups(w: WriteScope): Lookups {
  let catalogue: ReturnType<typeof listEnforcementItems> | undefined;
  let officers: ReturnType<typeof listEnforcementOfficers> | undefined;
  return {
    catalogue: () => (catalogue ??= listEnforcementItems(w.tx, w.ctx.actor.tenantId)),
    officers: () => (officers ??= listEnforcementOfficers(w.tx, w.ctx.actor)),
  };
}

/** The legal basis: an item of the random-inspection list or of the enforcement catalogue, by id or (ledger) by name. */
async function resolveBasis(w: WriteScope, s: RecordSave, old: AnyRow | undefined, look: Lookups) {
  const tenantId = w.ctx.actor.tenantId;
  if (s.itemId) {
    const i = await itemById(w.tx, tenantId, s.itemId);
    if (!i) throw errors.validation('itemId', '随机抽查事项不存在');
    return { basis_item_id: i.id, basis_catalogue_id: null, basis: i.name };
  }
  if (s.catalogueId) {
    const i = await enforcementItemById(w.tx, tenantId, s.catalogueId);
    if (!i) throw errors.validation('catalogueId', '执法事项目录中没有该事项');
    return { basis_item_id: null, basis_catalogue_id: i.id, basis: i.name };
  }
  const name = str(s.basis);
  if (old && name === old.basis) return { basis_item_id: old.basis_item_id, basis_catalogue_id: old.basis_catalogue_id, basis: old.basis };
  if (name) {
    const [i] = await itemsByName(w.tx, tenantId, name);
    if (i) return { basis_item_id: i.id, basis_catalogue_id: null, basis: i.name };
    const c = (await look.catalogue()).find((x) => x.name === name || x.code === name);
    if (c) return { basis_item_id: null, basis_catalogue_id: c.id, basis: c.name };
    throw errors.validation('basis', `检查依据“${name}”不在随机抽查事项清单或执法事项目录中`);
  }
  throw errors.validation('itemId', '请选择检查依据（随机抽查事项清单或执法事项目录中的事项）');
}

/** The inspectors: enforcement officers by id (form) or by name (ledger; the stored ones kept when the names are the same). */
async function resolveInspectors(w: WriteScope, s: RecordSave, old: AnyRow | undefined, look: Lookups) {
  const tenantId = w.ctx.actor.tenantId;
  if (s.officerIds?.length) {
    const ids = [...new Set(s.officerIds)];
    const rows = await enforcementOfficersByIds(w.tx, tenantId, ids);
    if (rows.length !== ids.length) throw errors.validation('officerIds', '检查人员不在执法人员名录中');
    const byId = new Map(rows.map((o) => [o.id, o]));
    const officers = ids.map((id) => byId.get(id)!);
    return {
      list: officers.map((o): RecordInspector => ({ officerId: o.id, name: o.name, certNo: o.cert_no })),
      facts: officers.map((o) => ({ name: o.name, certNo: o.cert_no, certIssuedOn: o.cert_issued_on, certValidUntil: o.cert_valid_until })),
    };
  }
  const names = (s.inspectorNames ?? []).map((n) => n.trim()).filter(Boolean);
  const stored: RecordInspector[] = old ? (typeof old.inspectors === 'string' ? JSON.parse(old.inspectors) : old.inspectors) : [];
  if (old && names.join('、') === stored.map((i) => i.name).join('、')) return { list: stored, facts: null };
  if (!names.length) throw errors.validation('officerIds', `请选择检查人员（至少2名持有效执法证件的执法人员，${SOURCES.officers}）`);
  const all = await look.officers();
  const picked = names.map((n) => {
    const o = all.filter((x) => x.name === n);
    if (o.length !== 1) throw errors.validation('inspectorNames', o.length ? `执法人员名录中有多名“${n}”` : `执法人员名录中没有“${n}”`);
    return o[0]!;
  });
  return {
    list: picked.map((o): RecordInspector => ({ officerId: o.id, name: o.name, certNo: o.cert_no })),
    facts: picked.map((o) => ({ name: o.name, certNo: o.cert_no, certIssuedOn: o.cert_issued_on, certValidUntil: o.cert_valid_until })),
  };
}

/** The follow-up's link: the clue or case by id (live), its number kept as shown. */
async function resolveLink(w: WriteScope, s: RecordSave) {
  const tenantId = w.ctx.actor.tenantId;
  if (s.clueId) {
    const c = await enforcementClueById(w.tx, tenantId, s.clueId);
    if (!c) throw errors.validation('clueId', '线索不存在');
    return { clue_id: c.id, case_id: null, follow_ref: c.clue_no };
  }
  if (s.caseId) {
    const [c] = await enforcementCasesByIds(w.tx, tenantId, [s.caseId]);
    if (!c) throw errors.validation('caseId', '案件不存在');
    return { clue_id: null, case_id: c.id, follow_ref: c.case_no };
  }
  return { clue_id: null, case_id: null, follow_ref: optText(s.followRef) };
}

const auditView = (r: AnyRow) => ({
  record_no: r.record_no,
  inspected_on: r.inspected_on,
  kind: r.kind,
  entity_id: r.entity_id,
  basis: r.basis,
  follow_up: r.follow_up,
  rectify_due_on: r.rectify_due_on,
  closed_on: r.closed_on,
});

/** The 责令整改期限 of a record, tracked as the bureau set it (open until rectified or closed). */
export const rectifyTrack = (r: AnyRow) =>
  r.follow_up === '责令整改' && r.rectify_due_on
    ? [
        {
          module: 'inspections',
          entity: RECORD_ENTITY,
          entityId: String(r.id),
          orgId: String(r.org_id),
          title: '责令整改期限',
          rule: rectifyRule(String(r.inspected_on), String(r.rectify_due_on)),
          start: String(r.inspected_on),
          doneOn: (r.rectified_on ?? r.closed_on ?? null) as string | null,
          label: String(r.record_no),
        },
      ]
    : [];

/**
 * Saves inspection records: the form one (live), a ledger many (historical). New 检查编号 (or none:
 * numbered `YYYY-JC-NNNN`) are created, known ones updated. Returns, besides the counts, the
 * warnings per input (超频次: a warning, never a refusal).
 */
export async function saveRecords(sys: Sys, w: WriteScope, inputs: ReadonlyArray<RecordSave>, origin: WriteOrigin) {
  const ctx = w.ctx;
  const tenantId = ctx.actor.tenantId;
  const errs: RowError[] = [];
  const existing = new Map((await recordsByNo(w.tx, tenantId, inputs.map((i) => str(i.recordNo)).filter(Boolean))).map((r) => [r.record_no, r as AnyRow]));
  const seq = new Map<string, number>();
  const look = lookups(w);
  const items: Array<{ row?: number; old?: AnyRow; values: Record<string, unknown>; warnings: Warn[]; findings: Warn[] }> = [];
  for (const s of inputs) {
    const at = { row: s.row, errs };
    const v = await checked(origin, at, async () => {
      const inspectedOn = check.date('inspectedOn', '检查日期', s.inspectedOn, { required: true }) as string;
      if (!(RECORD_KINDS as readonly string[]).includes(s.kind)) throw errors.validation('kind', `检查类别应为：${RECORD_KINDS.join('、')}`);
      if (!(FOLLOW_UPS as readonly string[]).includes(s.followUp)) throw errors.validation('followUp', `处理结果应为：${FOLLOW_UPS.join('、')}`);
      const no = str(s.recordNo);
      const old = no ? existing.get(no) : undefined;
      if (old && origin.mode === 'live') throw errors.duplicate('recordNo', `检查编号“${no}”已登记`);
      // A 双随机 result's record is its task's: the ledger leaves it as it is.
      if (old?.task_id) return { old, values: {}, warnings: [], findings: [] };
      const orgId = (old?.org_id as string | undefined) ?? (await ownerOrgForCreate({ db: w.tx, actor: ctx.actor }, s.orgId ?? null, '检查单位'));
      const entity = await resolveEntity(w, s, { orgId, old });
      const basis = await resolveBasis(w, s, old, look);
      const ins = await resolveInspectors(w, s, old, look);
      const link =
        old && !s.clueId && !s.caseId && optText(s.followRef) === old.follow_ref
          ? { clue_id: old.clue_id as string | null, case_id: old.case_id as string | null, follow_ref: old.follow_ref as string | null }
          : await resolveLink(w, s);
      const kind = s.kind as RecordKind;
      const followUp = s.followUp as FollowUp;
      const enterprise = s.enterprise ?? !!entity.uscc;
      const rectifyDueOn = (check.date('rectifyDueOn', '整改期限', s.rectifyDueOn ?? null) as string | null) ?? null;
      const rectifiedOn = (check.date('rectifiedOn', '整改完成日期', s.rectifiedOn ?? null) as string | null) ?? null;
      const closedOn = (check.date('closedOn', '办结日期', s.closedOn ?? null) as string | null) ?? null;
      for (const p of followUpProblems({ followUp, inspectedOn, rectifyDueOn })) throw errors.validation(p.field, p.message);
      const lp = origin.mode === 'live' && followUp !== '责令整改' ? linkProblem(followUp, { clueId: link.clue_id, caseId: link.case_id }) : null;
      if (lp) throw errors.validation(lp.field, lp.message);
      // The unit's annual plan: its cap, and whether this inspection is one of its entries.
      const plan = await annualPlanOf(w.tx, { tenantId, orgId, year: year(inspectedOn) });
      const entry = plan
        ? await matchingEntry(w.tx, { tenantId, planId: plan.id, entityId: entity.id, kind, month: Number(inspectedOn.slice(5, 7)) })
        : undefined;
      const offPlanReason = optText(s.offPlanReason);
      const breaches: Warn[] = [];
      if (needsOffPlanReason({ kind, enterprise, inPlan: !!entry }) && !offPlanReason)
        breaches.push({ rule: 'inspections.off_plan_reason', statute: SOURCES.plan, field: 'offPlanReason', message: '计划外的入企检查应填写计划外检查理由' });
      if (ins.facts)
        for (const m of inspectorProblems(ins.facts, inspectedOn))
          breaches.push({ rule: 'inspections.officers', statute: SOURCES.officers, field: 'officerIds', message: m });
      if (origin.mode === 'live' && breaches.length) throw errors.validation(breaches[0]!.field!, breaches.map((b) => b.message).join('；'), { breaches });
      const count = await entityYearCount(w.tx, { tenantId, orgId, entityId: entity.id, year: year(inspectedOn), except: old ? [old.id] : [] });
      const cap = plan?.entity_cap ?? DEFAULT_ENTITY_CAP;
      const cw = capWarning({ countBefore: count, cap, entityName: entity.name, year: year(inspectedOn) });
      const warnings: Warn[] = cw ? [{ rule: 'inspections.entity_cap', statute: SOURCES.cap, column: '检查对象名称', message: cw }] : [];
      let recordNo = no;
      if (!recordNo) {
        const prefix = `${year(inspectedOn)}-${kind === '双随机' ? 'SJ' : 'JC'}-`;
        const n = (seq.get(prefix) ?? (await lastRecordSeq(w.tx, tenantId, prefix))) + 1;
        seq.set(prefix, n);
        recordNo = `${prefix}${String(n).padStart(4, '0')}`;
      }
      const values = {
        org_id: orgId,
        record_no: recordNo,
        inspected_on: inspectedOn,
        entity_id: entity.id,
        kind,
        enterprise,
        ...basis,
        inspectors: JSON.stringify(ins.list),
        annual_entry_id: entry?.id ?? null,
        off_plan_reason: offPlanReason,
        findings: optText(s.findings),
        follow_up: followUp,
        rectify_due_on: rectifyDueOn,
        rectified_on: rectifiedOn ?? (old?.rectified_on as string | null) ?? null,
        rectify_note: (old?.rectify_note as string | null) ?? null,
        ...link,
        closed_on: closedOn ?? (followUp === '无问题' && origin.mode === 'live' ? inspectedOn : null),
      };
      // Inspectors kept as stored (the same names) are left out: jsonb compares by value, not as the text written.
      if (old && !ins.facts) delete (values as Partial<typeof values>).inspectors;
      return { old, values, warnings, findings: origin.mode === 'historical' ? [...breaches, ...warnings] : [] };
    });
    if (v) items.push({ row: s.row, ...v });
  }
  if (errs.length) return { created: 0, updated: 0, unchanged: 0, errors: errs, ids: [], warnings: [] } as SaveResult & { warnings: string[][] };
  const p = await persist<Record<string, unknown>>(ctx, w, origin, {
    table: 'insp_record',
    entity: RECORD_ENTITY,
    items: items.map((i) => ({ row: i.row, old: i.old, values: i.values })),
    view: auditView,
  });
  if (origin.mode === 'historical')
    items.forEach((it, i) => {
      if (it.findings.length)
        origin.imp.finding(
          it.findings.map((f) => ({
            ...f,
            column: f.column ?? RECORD_COLUMNS[f.field ?? ''],
            row: it.row ?? 0,
            entity: RECORD_ENTITY,
            entityId: String(p.rows[i]!.id),
            orgId: String(p.rows[i]!.org_id),
          })),
        );
    });
  await sys.calendar.trackMany(w, ctx.actor, p.rows.flatMap(rectifyTrack));
  return {
    created: p.created,
    updated: p.updated,
    unchanged: p.unchanged,
    errors: [] as RowError[],
    ids: p.rows.map((r) => String(r.id)),
    warnings: items.map((i) => i.warnings.map((x) => x.message)),
  };
}

/** 登记行政检查 (audit `inspections.record.created`): the record, and its warnings (超频次). */
export async function registerRecord(ctx: Ctx, sys: Sys, body: Static<typeof RegisterRecordBody>): Promise<{ row: RecordRow; warnings: string[] }> {
  return write(ctx, async (w) => {
    const r = await saveRecords(sys, w, [body], { mode: 'live' });
    return { row: (await getRecord(w.tx, ctx, r.ids[0]!))!, warnings: r.warnings[0] ?? [] };
  });
}

/**
 * 双随机结果即检查记录 — a task's result, recorded, becomes (in the same transaction) the record of
 * kind 双随机: the entity, the plan's item as the basis, the draw's inspectors, the problems as the
 * findings, the follow-up the result names (未发现问题 / 未找到检查对象: 无问题 and closed).
 */
export async function recordOfTaskResult(w: WriteScope, task: TaskRow, plan: { item_id: string; item_name: string }) {
  const ctx = w.ctx;
  const tenantId = ctx.actor.tenantId;
  const ids: string[] = typeof task.inspector_ids === 'string' ? JSON.parse(task.inspector_ids) : (task.inspector_ids as string[]);
  const byId = new Map((await inspectorsByIds(w.tx, tenantId, ids)).map((i) => [i.id, i]));
  const entity = await entityById(w.tx, tenantId, task.entity_id);
  const inspectedOn = task.inspected_on as string;
  const prefix = `${year(inspectedOn)}-SJ-`;
  const followUp: FollowUp = task.result === '发现问题已责令整改' ? '责令整改' : task.result === '发现问题已立案查处' ? '立案' : '无问题';
  const values = {
    org_id: task.org_id,
    record_no: `${prefix}${String((await lastRecordSeq(w.tx, tenantId, prefix)) + 1).padStart(4, '0')}`,
    inspected_on: inspectedOn,
    entity_id: task.entity_id,
    kind: '双随机' as const,
    // 入企: an entity with a 统一社会信用代码 (as the migration judged the results before it).
    enterprise: !!entity?.uscc,
    basis_item_id: plan.item_id,
    basis_catalogue_id: null,
    basis: plan.item_name,
    inspectors: JSON.stringify(ids.map((id): RecordInspector => ({ inspectorId: id, name: byId.get(id)?.name ?? id, certNo: byId.get(id)?.cert_no ?? null }))),
    findings: task.result === '未找到检查对象' ? '未找到检查对象' : task.problems,
    follow_up: followUp,
    closed_on: followUp === '无问题' ? inspectedOn : null,
    task_id: task.id,
  };
  const p = await persist<Record<string, unknown>>(
    ctx,
    w,
    { mode: 'live' },
    { table: 'insp_record', entity: RECORD_ENTITY, items: [{ values }], view: auditView },
  );
  return p.rows[0]!;
}

/** The audit verb of each record event (`inspections.record.<verb>`). */
export const RECORD_VERBS: Record<RecordEvent, string> = { order: 'rectification_ordered', rectified: 'rectified', escalate: 'escalated', close: 'closed' };

/**
 * A record event (整改完成, 整改未完成转处理, 办结) — the shared part: loads the record in scope, checks
 * the version and the transition (422 `NOT_RECTIFYING`, `NOT_CLOSABLE`), checks a linked clue or case
 * exists, writes the event's pure `apply` with its audit, and tracks the 整改期限 from the record's state.
 */
export async function applyRecordEvent<E extends RecordEvent>(
  ctx: Ctx,
  sys: Sys,
  { id, event }: { id: string; event: E },
  input: Static<(typeof RECORD_EVENT_COMMANDS)[E]['input']>,
) {
  const command = recordEventCommand(event);
  return write(ctx, async (w) => {
    const i = input as { clueId?: string | null; caseId?: string | null };
    const link = i.clueId || i.caseId ? await resolveLink(w, { inspectedOn: '', kind: '', followUp: '', clueId: i.clueId, caseId: i.caseId }) : null;
    const { row } = await updateVersioned(w, {
      table: 'insp_record',
      tenantId: ctx.actor.tenantId,
      id,
      version: (input as { version: number }).version,
      label: '检查记录',
      load: () => getRecord(w.tx, ctx, id),
      check: (r) => {
        requireRecordStep(recordStage(r), event, recordWho(ctx.actor));
      },
      patch: (r) => {
        const set = command.apply({ r }, input).set as Record<string, unknown>;
        return link?.follow_ref ? { ...set, follow_ref: link.follow_ref } : set;
      },
      audit: { entity: RECORD_ENTITY, action: RECORD_VERBS[event], orgId: (r) => r.org_id, after: (_r, patch) => patch },
      ifUnchanged: 'write',
    });
    await sys.calendar.trackMany(w, ctx.actor, rectifyTrack(row as AnyRow));
    return (await getRecord(w.tx, ctx, id))!;
  });
}

/** 超频次 on a stored record: its entity's inspections by the unit that year against the unit's cap. */
export async function capWarningOf(ctx: Ctx, r: RecordRow): Promise<string[]> {
  const y = year(r.inspected_on);
  const plan = await annualPlanOf(ctx.db, { tenantId: ctx.actor.tenantId, orgId: r.org_id, year: y });
  const count = await entityYearCount(ctx.db, { tenantId: ctx.actor.tenantId, orgId: r.org_id, entityId: r.entity_id, year: y, except: [r.id] });
  const w = capWarning({ countBefore: count, cap: plan?.entity_cap ?? DEFAULT_ENTITY_CAP, entityName: r.entity_name, year: y });
  return w ? [w] : [];
}

// ── 年度检查计划 ──

export const AnnualPlanBody = Type.Object(
  {
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    title: Type.String({ maxLength: 200 }),
    entityCap: Type.Optional(Type.Integer()),
    orgId: OptUuid(),
  },
  { additionalProperties: false },
);
export const AnnualEntriesBody = Type.Object(
  {
    entries: Type.Array(
      Type.Object(
        { entityId: Type.String({ format: 'uuid' }), kind: Type.String({ maxLength: 20 }), month: Type.Integer(), note: OptText(500) },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 500 },
    ),
  },
  { additionalProperties: false },
);

/** 年度检查计划 of a unit (one per unit and year) with its per-entity yearly cap (default 2). */
export async function createAnnualPlan(ctx: Ctx, body: Static<typeof AnnualPlanBody>) {
  const title = str(body.title);
  if (!title) throw errors.validation('title', '计划名称不能为空');
  const cap = body.entityCap ?? DEFAULT_ENTITY_CAP;
  if (!Number.isInteger(cap) || cap < 1 || cap > 50) throw errors.validation('entityCap', '同一企业年度检查次数上限应为1至50次');
  const orgId = await ownerOrgForCreate(ctx, body.orgId ?? null, '单位');
  return write(ctx, async (w) => {
    if (await annualPlanOf(w.tx, { tenantId: ctx.actor.tenantId, orgId, year: body.year }))
      throw errors.duplicate('year', `本单位${body.year}年度检查计划已建立`);
    const r = await insertAnnualPlan(w.tx, { tenant_id: ctx.actor.tenantId, org_id: orgId, year: body.year, title, entity_cap: cap });
    await w.audit({ entity: 'inspections.annual_plan', entityId: r.id, action: 'created', orgId, after: { year: body.year, title, entity_cap: cap } });
    return (await getAnnualPlan(w.tx, ctx, r.id))!;
  });
}

/** Adds planned inspections (entity, kind, month) to a plan; a planned entity must be of the register, a kind of the list. */
export async function addAnnualEntries(ctx: Ctx, planId: string, body: Static<typeof AnnualEntriesBody>) {
  return write(ctx, async (w) => {
    const plan = await getAnnualPlan(w.tx, ctx, planId);
    if (!plan) throw errors.notFound('年度检查计划');
    const known = await knownEntityIds(
      w.tx,
      ctx.actor.tenantId,
      body.entries.map((e) => e.entityId),
    );
    const rows = [];
    for (const [i, e] of body.entries.entries()) {
      if (!(RECORD_KINDS as readonly string[]).includes(e.kind)) throw errors.validation(`entries.${i}.kind`, `检查类别应为：${RECORD_KINDS.join('、')}`);
      if (!(e.month >= 1 && e.month <= 12)) throw errors.validation(`entries.${i}.month`, '计划月份应为1至12');
      if (!known.has(e.entityId)) throw errors.validation(`entries.${i}.entityId`, '检查对象不存在');
      rows.push({
        tenant_id: ctx.actor.tenantId,
        org_id: plan.org_id,
        plan_id: plan.id,
        entity_id: e.entityId,
        kind: e.kind,
        month: e.month,
        note: optText(e.note),
      });
    }
    const made = await insertAnnualEntries(w.tx, rows);
    await w.audit({ entity: 'inspections.annual_plan', entityId: plan.id, action: 'entries_added', orgId: plan.org_id, note: { count: made.length } });
    return plan;
  });
}
