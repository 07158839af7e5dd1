import crypto from 'node:crypto';
import type { Selectable } from 'kysely';
import type { AnyRow } from '../../core/persist.js';
import type { Ctx } from '../../core/context.js';
import { updateVersioned } from '../../core/versioned.js';
import { write, canonicalJson } from '../../core/audit/audit.js';
import type { CalendarService } from '../../core/calendar/service.js';
import { errors } from '../../core/errors.js';
import { ownerOrgForCreate } from '../../core/scope.js';
import { isValidUscc } from '../../core/ledger/validators.js';
import type { InspectionTables } from './schema.js';
import { DRAW_ALGORITHM, verifyDraw, type DrawInput, type DrawResult } from './draw.js';
import { PUBLICATION_RULE } from './rules.js';
import { type PlanEvent, planStage, planWho, requireDraw, requireTaskStep, type TaskEvent, taskStage, taskWho } from './workflow.js';
import { day, opt, PLAN_EVENT_COMMANDS, type PlanEventCommand, type TASK_EVENT_COMMANDS, taskEventCommand } from './events.js';
import type { Static } from '@fastify/type-provider-typebox';
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
import { recordOfTaskResult } from './records.js';
import { presentConflict, presentDraw, presentEntity, presentInspector, presentItem, presentPlan, presentTask } from './presenters.js';

const text = (field: string, v: unknown, label: string, max = 200) => {
  if (typeof v !== 'string' || !v.trim()) throw errors.validation(field, `${label}不能为空`);
  if (v.trim().length > max) throw errors.validation(field, `${label}过长（不超过${max}字）`);
  return v.trim();
};

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
    return presentConflict({ ...r, inspector_name: ins.name, entity_name: ent.name });
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
  const from = day('windowFrom', input.windowFrom, '检查开始日期');
  const to = day('windowTo', input.windowTo, '检查结束日期');
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
 * A plan event (摇号) — the part every plan event shares: loads the plan in scope, takes the
 * workflow's transition (a plan is drawn once: 422 `ALREADY_DRAWN`), hands the registers in
 * scope to the event's pure `apply`, records the draw with its seed, algorithm, snapshot and
 * result hash, creates one task per pick and audits `inspections.plan.drawn` and each
 * `inspections.task.created`.
 */
export async function applyPlanEvent(
  ctx: Ctx,
  { id, event }: { id: string; event: PlanEvent },
  input: Static<(typeof PLAN_EVENT_COMMANDS)[PlanEvent]['input']>,
) {
  const command = PLAN_EVENT_COMMANDS[event] as unknown as PlanEventCommand;
  return write(ctx, async (w) => {
    const plan = await getPlan(w.tx, ctx, id);
    if (!plan) throw errors.notFound('抽查计划');
    requireDraw(planStage({ draw_id: (await getDrawOfPlan(w.tx, ctx, id))?.id }), planWho(ctx.actor));
    const [entities, inspectors, conflicts] = await Promise.all([
      listEntities(w.tx, ctx, plan.entity_kind),
      listInspectors(w.tx, ctx),
      listConflicts(w.tx, ctx),
    ]);
    const { draw } = command.apply({ plan, entities, inspectors, conflicts, freshSeed: String(crypto.randomInt(0, 2 ** 31)) }, input);
    const { result } = draw;
    const d = await insertDraw(w.tx, {
      tenant_id: ctx.actor.tenantId,
      org_id: plan.org_id,
      plan_id: plan.id,
      seed: draw.seed,
      algorithm: DRAW_ALGORITHM,
      drawn_on: draw.drawn_on,
      input: JSON.stringify(draw.input),
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
        seed: draw.seed,
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

/** The audit verb of each task event (`inspections.task.<verb>`). */
export const TASK_VERBS: Record<TaskEvent, string> = { result: 'result_recorded', publish: 'published' };

/**
 * A task event (检查结果, 公示) — the part every task event shares: loads the task in scope,
 * checks the version and takes the workflow's transition (422 `ALREADY_RECORDED`,
 * `RESULT_REQUIRED`, `ALREADY_PUBLISHED`), writes the event's pure `apply` versioned with its
 * audit `inspections.task.<verb>`, and tracks the 20-working-day publication term from the
 * task's state (open until published).
 */
export async function applyTaskEvent<E extends TaskEvent>(
  ctx: Ctx,
  cal: CalendarService,
  { id, event }: { id: string; event: E },
  input: Static<(typeof TASK_EVENT_COMMANDS)[E]['input']>,
) {
  const command = taskEventCommand(event);
  return write(ctx, async (w) => {
    const { before: t, row: r } = await updateVersioned(w, {
      table: 'insp_task',
      tenantId: ctx.actor.tenantId,
      id,
      version: input.version,
      label: '抽查任务',
      load: () => getTask(w.tx, ctx, id),
      check: (t) => {
        requireTaskStep(taskStage(t), event, taskWho(ctx.actor));
      },
      patch: (t) => command.apply({ t, calendar: ctx.calendar }, input).set as Record<string, unknown>,
      audit: { entity: 'inspections.task', action: TASK_VERBS[event], orgId: (t) => t.org_id, after: (_r, patch) => patch },
      ifUnchanged: 'write',
    });
    // 双随机结果即检查记录: the result becomes the register's record of kind 双随机, in this transaction.
    if (event === 'result') {
      const plan = (await getPlan(w.tx, ctx, t.plan_id))!;
      await recordOfTaskResult(w, (await getTask(w.tx, ctx, id))!, plan);
    }
    await cal.track(w, ctx.actor, {
      module: 'inspections',
      entity: 'inspections.task',
      entityId: id,
      orgId: t.org_id,
      title: PUBLICATION_RULE.label,
      rule: PUBLICATION_RULE,
      start: r.inspected_on as string,
      doneOn: (r.published_on as string | null) ?? null,
    });
    const names = new Map((await listInspectors(w.tx, ctx)).map((i) => [i.id, i.name]));
    return presentTask((await getTask(w.tx, ctx, id))!, names, taskWho(ctx.actor));
  });
}
