import crypto from 'node:crypto';
import type { Selectable } from 'kysely';
import type { AnyRow } from '../../core/persist.js';
import type { Ctx } from '../../core/context.js';
import { updateVersioned } from '../../core/versioned.js';
import { write, canonicalJson } from '../../core/audit/audit.js';
import { isIsoDate } from '../../core/calendar/calendar.js';
import { computeDeadline } from '../../core/calendar/deadline.js';
import type { CalendarService } from '../../core/calendar/service.js';
import { errors } from '../../core/errors.js';
import { ownerOrgForCreate } from '../../core/scope.js';
import { isValidUscc } from '../../core/ledger/validators.js';
import { RESULTS, type InspectionTables } from './schema.js';
import { DRAW_ALGORITHM, runDraw, verifyDraw, type DrawInput, type DrawResult } from './draw.js';
import { PUBLICATION_RULE } from './rules.js';
import { planStage, planWho, requireDraw, requireTaskStep, type TaskEvent, taskStage, taskWho } from './workflow.js';
import {
  conflictExists,
  entityById,
  getDraw,
  getDrawOfPlan,
  getPlan,
  getTask,
  inspectorById,
  insertConflict,
  insertDraw,
  insertPlan,
  insertRegisterRow,
  insertTasks,
  itemExists,
  listConflicts,
  listEntities,
  listInspectors,
  type Register,
  registerCodeTaken,
  taskPicksOfDraw,
} from './repository.js';
import type { EntityView, InspectorView, ItemView } from './schemas.js';
import { presentConflict, presentDraw, presentEntity, presentInspector, presentItem, presentPlan, presentTask } from './presenters.js';

const date = (field: string, v: unknown, label: string) => {
  if (typeof v !== 'string' || !isIsoDate(v)) throw errors.validation(field, `${label}无效，应为YYYY-MM-DD格式的日期`);
  return v;
};
const text = (field: string, v: unknown, label: string, max = 200) => {
  if (typeof v !== 'string' || !v.trim()) throw errors.validation(field, `${label}不能为空`);
  if (v.trim().length > max) throw errors.validation(field, `${label}过长（不超过${max}字）`);
  return v.trim();
};
const opt = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);

type Reg = Register;
const REG: Record<
  Reg,
  {
    entity: string;
    label: string;
    values: (b: Record<string, unknown>) => Record<string, unknown>;
    present: (r: AnyRow) => ItemView | EntityView | InspectorView;
  }
> = {
  insp_item: {
    entity: 'inspections.item',
    label: '抽查事项',
    values: (b) => ({
      code: text('code', b.code, '事项编码', 50),
      name: text('name', b.name, '事项名称'),
      entity_kind: text('entityKind', b.entityKind, '检查对象类别', 50),
      basis: opt(b.basis),
      method: opt(b.method),
    }),
    present: (r) => presentItem(r as Selectable<InspectionTables['insp_item']>),
  },
  insp_entity: {
    entity: 'inspections.entity',
    label: '检查对象',
    values: (b) => {
      const uscc = opt(b.uscc)?.toUpperCase() ?? null;
      if (uscc && !isValidUscc(uscc)) throw errors.validation('uscc', '统一社会信用代码校验位不符，请逐位核对');
      return {
        code: text('code', b.code, '对象编码', 50),
        name: text('name', b.name, '名称'),
        kind: text('kind', b.kind, '类别', 50),
        uscc,
        street: opt(b.street),
        address: opt(b.address),
      };
    },
    present: (r) => presentEntity(r as Selectable<InspectionTables['insp_entity']>),
  },
  insp_inspector: {
    entity: 'inspections.inspector',
    label: '执法检查人员',
    values: (b) => ({ code: text('code', b.code, '人员编码', 50), name: text('name', b.name, '姓名', 50), cert_no: opt(b.certNo) }),
    present: (r) => presentInspector(r as Selectable<InspectionTables['insp_inspector']>),
  },
};

/** Adds a row to one of the registers: items, entities or inspectors (audit `inspections.<x>.created`). */
export async function addToRegister(ctx: Ctx, reg: Reg, body: Record<string, unknown>) {
  const def = REG[reg];
  const v = def.values(body);
  const orgId = await ownerOrgForCreate(ctx);
  return write(ctx, async (w) => {
    if (await registerCodeTaken(w.tx, reg, ctx.actor.tenantId, v.code)) throw errors.duplicate('code', `编码“${v.code}”已存在`);
    const r = await insertRegisterRow(w.tx, reg, { tenant_id: ctx.actor.tenantId, org_id: orgId, ...v });
    await w.audit({ entity: def.entity, entityId: r.id, action: 'created', orgId, after: v });
    return def.present(r);
  });
}

/** 回避 — records a conflict of interest: the inspector is never drawn for the entity. */
export async function addConflict(ctx: Ctx, input: { inspectorId: string; entityId: string; reason: string }) {
  const reason = text('reason', input.reason, '回避理由', 500);
  return write(ctx, async (w) => {
    const [ins, ent] = await Promise.all([inspectorById(w.tx, ctx.actor.tenantId, input.inspectorId), entityById(w.tx, ctx.actor.tenantId, input.entityId)]);
    if (!ins) throw errors.validation('inspectorId', '执法检查人员不存在');
    if (!ent) throw errors.validation('entityId', '检查对象不存在');
    // The conflict is kept with the inspector, whose unit must lie within the actor's scope.
    await ownerOrgForCreate({ db: w.tx, actor: ctx.actor }, ins.org_id, '执法检查人员');
    if (await conflictExists(w.tx, { tenantId: ctx.actor.tenantId, inspectorId: ins.id, entityId: ent.id }))
      throw errors.duplicate('entityId', `${ins.name}与${ent.name}的回避关系已登记`);
    const r = await insertConflict(w.tx, { tenant_id: ctx.actor.tenantId, org_id: ins.org_id, inspector_id: ins.id, entity_id: ent.id, reason });
    await w.audit({ entity: 'inspections.inspector', entityId: ins.id, action: 'conflict_added', orgId: ins.org_id, note: { entity: ent.name, reason } });
    return presentConflict(r);
  });
}

/** 年度抽查计划 — an item, a sampling ratio, at least two inspectors per entity, a time window. */
export async function createPlan(
  ctx: Ctx,
  input: { year: number; title: string; itemId: string; ratioPercent: number; perEntity?: number; windowFrom: string; windowTo: string },
) {
  const title = text('title', input.title, '计划名称');
  const ratioBp = Math.round(Number(input.ratioPercent) * 100);
  if (!(ratioBp >= 1 && ratioBp <= 10000)) throw errors.validation('ratioPercent', '抽查比例应在0.01%至100%之间');
  const perEntity = input.perEntity ?? 2;
  if (!Number.isInteger(perEntity) || perEntity < 2) throw errors.validation('perEntity', '每个检查对象至少随机选派2名执法检查人员');
  const from = date('windowFrom', input.windowFrom, '检查开始日期');
  const to = date('windowTo', input.windowTo, '检查结束日期');
  if (to < from) throw errors.validation('windowTo', '检查结束日期不能早于开始日期');
  if (!Number.isInteger(input.year) || from.slice(0, 4) !== String(input.year)) throw errors.validation('year', '计划年度应与检查开始日期的年份一致');
  const orgId = await ownerOrgForCreate(ctx);
  return write(ctx, async (w) => {
    if (!(await itemExists(w.tx, ctx.actor.tenantId, input.itemId)))
      throw errors.validation('itemId', '抽查事项不存在（只能抽查已公布的随机抽查事项清单内的事项）');
    const v = { year: input.year, title, item_id: input.itemId, ratio_bp: ratioBp, per_entity: perEntity, window_from: from, window_to: to };
    const r = await insertPlan(w.tx, { tenant_id: ctx.actor.tenantId, org_id: orgId, ...v });
    await w.audit({ entity: 'inspections.plan', entityId: r.id, action: 'created', orgId, after: v });
    return presentPlan((await getPlan(w.tx, ctx, r.id))!, planWho(ctx.actor));
  });
}

const hashOf = (result: DrawResult) => crypto.createHash('sha256').update(canonicalJson(result)).digest('hex');

/**
 * 摇号 — draws a plan once: entities of the item's kind from the register and at
 * least two inspectors each, conflicts excluded. The seed (given, e.g. announced
 * beforehand, or generated), the algorithm and the input snapshot are recorded so
 * anyone can re-run it. Creates one task per picked entity.
 */
export async function drawPlan(
  ctx: Ctx,
  planId: string,
  input: { seed?: string | null; drawnOn: string },
  seedSource: () => string = () => String(crypto.randomInt(0, 2 ** 31)),
) {
  const drawnOn = date('drawnOn', input.drawnOn, '抽取日期');
  return write(ctx, async (w) => {
    const plan = await getPlan(w.tx, ctx, planId);
    if (!plan) throw errors.notFound('抽查计划');
    requireDraw(planStage({ draw_id: (await getDrawOfPlan(w.tx, ctx, planId))?.id }), planWho(ctx.actor));
    const entities = (await listEntities(w.tx, ctx, plan.entity_kind)).filter((e) => e.active);
    const inspectors = (await listInspectors(w.tx, ctx)).filter((i) => i.active);
    const conflicts = await listConflicts(w.tx, ctx);
    if (!entities.length) throw errors.gate('NO_ENTITIES', `检查对象名录中没有类别为“${plan.entity_kind}”的对象`);
    const drawInput: DrawInput = {
      seed: opt(input.seed) ?? seedSource(),
      ratioBp: plan.ratio_bp,
      perEntity: plan.per_entity,
      entities: entities.map((e) => ({ id: e.id, code: e.code })),
      inspectors: inspectors.map((i) => ({ id: i.id, code: i.code })),
      conflicts: conflicts.map((c) => ({ inspectorId: c.inspector_id, entityId: c.entity_id })),
    };
    const result = runDraw(drawInput);
    const d = await insertDraw(w.tx, {
      tenant_id: ctx.actor.tenantId,
      org_id: plan.org_id,
      plan_id: plan.id,
      seed: drawInput.seed,
      algorithm: DRAW_ALGORITHM,
      drawn_on: drawnOn,
      input: JSON.stringify(drawInput),
      result: JSON.stringify(result),
      result_hash: hashOf(result),
    });
    const tasks = await insertTasks(
      w.tx,
      result.picks.map((p) => ({
        tenant_id: ctx.actor.tenantId,
        org_id: plan.org_id,
        draw_id: d.id,
        plan_id: plan.id,
        entity_id: p.entityId,
        inspector_ids: JSON.stringify(p.inspectorIds),
      })),
    );
    await w.audit({
      entity: 'inspections.plan',
      entityId: plan.id,
      action: 'drawn',
      orgId: plan.org_id,
      note: {
        drawId: d.id,
        seed: drawInput.seed,
        algorithm: DRAW_ALGORITHM,
        population: result.population,
        sampleSize: result.sampleSize,
        resultHash: d.result_hash,
      },
    });
    await w.auditMany(
      tasks.map((t, i) => ({
        entity: 'inspections.task',
        entityId: t.id,
        action: 'created',
        orgId: plan.org_id,
        after: { entity_id: t.entity_id, inspector_ids: result.picks[i]!.inspectorIds },
        note: { drawId: d.id },
      })),
    );
    return presentDraw(d);
  });
}

/** 复核 — re-runs a recorded draw from its seed and snapshot; the answer says whether the picks match (audit `inspections.plan.verified`). */
export async function verifyRecordedDraw(ctx: Ctx, drawId: string) {
  return write(ctx, async (w) => {
    const d = await getDraw(w.tx, ctx, drawId);
    if (!d) throw errors.notFound('抽取记录');
    const input: DrawInput = typeof d.input === 'string' ? JSON.parse(d.input) : d.input;
    const result: DrawResult = typeof d.result === 'string' ? JSON.parse(d.result) : d.result;
    // The tasks must match the recorded picks too.
    const tasks = await taskPicksOfDraw(w.tx, ctx.actor.tenantId, d.id);
    const recorded = new Map(
      tasks.map((t) => [t.entity_id, JSON.stringify(typeof t.inspector_ids === 'string' ? JSON.parse(t.inspector_ids) : t.inspector_ids)]),
    );
    let v = verifyDraw({ algorithm: d.algorithm, input, result });
    if (
      v.ok &&
      (hashOf(result) !== d.result_hash ||
        tasks.length !== result.picks.length ||
        result.picks.some((p) => recorded.get(p.entityId) !== JSON.stringify(p.inspectorIds)))
    )
      v = { ok: false, message: '复核不一致：抽查任务与抽取记录不符，记录可能被改动' };
    await w.audit({ entity: 'inspections.plan', entityId: d.plan_id, action: 'verified', orgId: d.org_id, note: { drawId: d.id, ok: v.ok } });
    return { ...v, seed: d.seed, algorithm: d.algorithm, resultHash: d.result_hash };
  });
}

/** One step of a task: the id and version read, the workflow's event, the audit verb, the patch and when the publication term is done. */
interface TaskStep {
  id: string;
  version: number;
  event: TaskEvent;
  verb: string;
  patch: (t: NonNullable<Awaited<ReturnType<typeof getTask>>>) => Record<string, unknown>;
  doneOn: (t: { published_on?: string | null }) => string | null;
}

async function taskStep(ctx: Ctx, cal: CalendarService, { id, version, event, verb, patch, doneOn }: TaskStep) {
  return write(ctx, async (w) => {
    const { before: t, row: r } = await updateVersioned(w, {
      table: 'insp_task',
      tenantId: ctx.actor.tenantId,
      id,
      version,
      label: '抽查任务',
      load: () => getTask(w.tx, ctx, id),
      check: (t) => {
        requireTaskStep(taskStage(t), event, taskWho(ctx.actor));
      },
      patch: (t) => patch(t),
      audit: { entity: 'inspections.task', action: verb, orgId: (t) => t.org_id, after: (_r, patch) => patch },
      ifUnchanged: 'write',
    });
    await cal.track(w, ctx.actor, {
      module: 'inspections',
      entity: 'inspections.task',
      entityId: id,
      orgId: t.org_id,
      title: PUBLICATION_RULE.label,
      rule: PUBLICATION_RULE,
      start: r.inspected_on!,
      doneOn: doneOn(r),
    });
    const names = new Map((await listInspectors(w.tx, ctx)).map((i) => [i.id, i.name]));
    return presentTask((await getTask(w.tx, ctx, id))!, names, taskWho(ctx.actor));
  });
}

/** 检查结果 — starts the 20-working-day publication term. */
export function recordResult(
  ctx: Ctx,
  cal: CalendarService,
  id: string,
  input: { version: number; inspectedOn: string; result: string; problems?: string | null },
) {
  const inspectedOn = date('inspectedOn', input.inspectedOn, '检查日期');
  if (!(RESULTS as readonly string[]).includes(input.result)) throw errors.validation('result', `检查结果应为：${RESULTS.join('、')}`);
  if (input.result !== '未发现问题' && input.result !== '未找到检查对象' && !opt(input.problems))
    throw errors.validation('problems', '发现问题的，请填写问题及处理情况');
  return taskStep(ctx, cal, {
    id,
    version: input.version,
    event: 'result',
    verb: 'result_recorded',
    patch: () => ({
      inspected_on: inspectedOn,
      result: input.result,
      problems: opt(input.problems),
      publish_due_on: computeDeadline({ rule: PUBLICATION_RULE, start: inspectedOn }, ctx.calendar).due,
    }),
    doneOn: () => null,
  });
}

/** 一公开 — the result is published (on time when within 20 working days). */
export function publishResult(ctx: Ctx, cal: CalendarService, id: string, input: { version: number; publishedOn: string }) {
  const publishedOn = date('publishedOn', input.publishedOn, '公示日期');
  return taskStep(ctx, cal, {
    id,
    version: input.version,
    event: 'publish',
    verb: 'published',
    patch: (t) => {
      if (t.inspected_on && publishedOn < t.inspected_on) throw errors.validation('publishedOn', '公示日期不能早于检查日期');
      return { published_on: publishedOn };
    },
    doneOn: (r) => r.published_on ?? null,
  });
}
