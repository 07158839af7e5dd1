import { type Kysely, type Selectable, sql } from 'kysely';
import type { KernelDB, TrackedDeadlineTable } from '../db/types.js';
import type { Actor, Ctx } from '../context.js';
import { systemActor } from '../context.js';
import { recordAudit, write, type WriteScope } from '../audit/audit.js';
import { errors } from '../errors.js';
import { createCalendar, isIsoDate, isoDateInShanghai, type WorkCalendar } from './calendar.js';
import { syncWorkDays } from './workDays.js';
import { computeDeadline, deadlineStatus, type DeadlineExplanation, type DeadlineRule, type DeadlineStatus } from './deadline.js';
import { deadlineBounds } from './trackedSql.js';
import { withDataScope } from '../scope.js';

export interface CalendarOverride {
  date: string;
  kind: 'workday' | 'holiday';
  name: string | null;
  note: string | null;
}

export interface Pause {
  from: string;
  to: string;
  reason: string;
}
export interface Extension {
  n: number;
  unit?: DeadlineRule['unit'];
  approvedOn?: string;
  reason: string;
}

/** What a module tells the kernel about a deadline it wants tracked. */
export interface TrackInput {
  module: string;
  entity: string;
  entityId: string;
  orgId: string;
  /** The deadline's name on the record, e.g. '作出处罚决定期限'. Unique per record and module. */
  title: string;
  rule: DeadlineRule;
  start: string;
  pauses?: Pause[];
  extensions?: Extension[];
  restartOn?: string | null;
  doneOn?: string | null;
  /**
   * The person handling the record (承办人, 签收人 …): 我的待办 lists it first for them. Like every
   * field it is what the record says now: a module that knows it passes it on every call (its
   * one function that builds the record's deadlines), and left out it is none.
   */
  assigneeId?: string | null;
  /** The record as people name it (案号, 工单编号 …), shown with the deadline; passed like `assigneeId`. */
  label?: string | null;
}

/** A tracked deadline as read: what the module told (its record, name, rule and start), and what the kernel computed. */
export interface TrackedDeadline extends Pick<TrackInput, 'module' | 'entity' | 'entityId' | 'orgId' | 'title' | 'rule' | 'start'> {
  id: string;
  due: string;
  doneOn: string | null;
  status: DeadlineStatus;
  /** The record's name (案号, 工单编号 …), when the module gave one. */
  label: string | null;
  /** Assigned to the person asking (我的), rather than only in their unit or scope. */
  mine: boolean;
}

export interface RecomputeChange {
  id: string;
  tenantId: string;
  title: string;
  entity: string;
  entityId: string;
  before: string;
  after: string;
}

/**
 * The working-day calendar of a running system: chinese-days plus the admin's
 * override table, kept in memory and rebuilt when an override changes; and the
 * tracked deadlines of every module, recomputed when the calendar changes.
 */
/**
 * Forgets the tracked deadlines of records an import undo takes away (the kernel's table:
 * modules call this, never the table), for one module's terms on one entity.
 */
export async function forgetTracked(db: Kysely<KernelDB>, of: { tenantId: string; module: string; entity: string; ids: readonly string[] }): Promise<void> {
  if (!of.ids.length) return;
  await sql`DELETE FROM tracked_deadline WHERE tenant_id = ${of.tenantId} AND module = ${of.module} AND entity = ${of.entity} AND entity_id = ANY(${sql.val([...of.ids])}::text[])`.execute(
    db,
  );
}

export class CalendarService {
  private cal: WorkCalendar = createCalendar({});

  constructor(private readonly db: Kysely<KernelDB>) {}

  /**
   * A service over `db` (a transaction) with a calendar already loaded — a context's
   * (`ctx.calendar`, the admin's overrides included) — instead of reading the overrides again.
   */
  static over(db: Kysely<KernelDB>, cal: WorkCalendar): CalendarService {
    const s = new CalendarService(db);
    s.cal = cal;
    return s;
  }

  /** The current calendar (pure; pass it to rule functions). */
  get current(): WorkCalendar {
    return this.cal;
  }

  async load(): Promise<void> {
    this.cal = createCalendar({ overrides: (await this.listOverrides()).map((o) => ({ date: o.date, kind: o.kind, name: o.name ?? undefined })) });
    await syncWorkDays(this.db, this.cal);
  }

  async listOverrides(): Promise<CalendarOverride[]> {
    return this.db.selectFrom('calendar_override').select(['date', 'kind', 'name', 'note']).orderBy('date').execute();
  }

  /**
   * Sets (or, with kind null, removes) an override: a day made a holiday or a
   * make-up working day. Open deadlines whose counting span covers the date are
   * recomputed in the same transaction; the changes are returned and audited.
   */
  async setOverride(
    ctx: Ctx,
    input: { date: string; kind: 'workday' | 'holiday' | null; name?: string | null; note?: string | null },
  ): Promise<{ changes: RecomputeChange[]; warnings: string[] }> {
    if (!isIsoDate(input.date)) throw errors.validation('date', `日期无效：${input.date}`);
    if (input.kind !== null && input.kind !== 'workday' && input.kind !== 'holiday') throw errors.validation('kind', '类型应为“工作日”或“休息日”');
    const result = await write(ctx, async ({ tx, audit }) => {
      const before = await tx.selectFrom('calendar_override').selectAll().where('date', '=', input.date).executeTakeFirst();
      if (input.kind === null) {
        if (!before) throw errors.notFound('节假日调整');
        await tx.deleteFrom('calendar_override').where('date', '=', input.date).execute();
      } else {
        await tx
          .insertInto('calendar_override')
          .values({ date: input.date, kind: input.kind, name: input.name ?? null, note: input.note ?? null })
          .onConflict((oc) => oc.column('date').doUpdateSet({ kind: input.kind!, name: input.name ?? null, note: input.note ?? null, updated_at: new Date() }))
          .execute();
      }
      const after = input.kind === null ? null : { date: input.date, kind: input.kind, name: input.name ?? null, note: input.note ?? null };
      await audit({
        entity: 'calendar.override',
        entityId: input.date,
        action: input.kind === null ? 'deleted' : before ? 'updated' : 'created',
        before: before ? { ...before } : null,
        after,
      });
      const overrides = await tx.selectFrom('calendar_override').select(['date', 'kind', 'name']).execute();
      const cal = createCalendar({ overrides: overrides.map((o) => ({ date: o.date, kind: o.kind, name: o.name ?? undefined })) });
      const changes = await recomputeOpen(tx, cal, input.date, ctx.requestId);
      await syncWorkDays(tx, cal);
      return { changes, cal };
    });
    this.cal = result.cal;
    const year = Number(input.date.slice(0, 4));
    const warnings = this.cal.isCovered(year) ? [] : [`${year}年的法定节假日安排尚未完整录入，请按国务院办公厅通知补录全部放假和调休日期`];
    return { changes: result.changes, warnings };
  }

  /** Computes a deadline with its explanation, on the current calendar. */
  explain(input: { rule: DeadlineRule; start: string; pauses?: Pause[]; extensions?: Extension[]; restartOn?: string | null }): DeadlineExplanation {
    return computeDeadline(
      { rule: input.rule, start: input.start, pauses: input.pauses, extensions: input.extensions, restartOn: input.restartOn ?? undefined },
      this.cal,
    );
  }

  /** Records (or updates) a module's deadline in the write's transaction. */
  async track(w: WriteScope, actor: Actor, input: TrackInput): Promise<TrackedDeadline> {
    const ex = this.explain(input);
    const values = {
      org_id: input.orgId,
      rule: JSON.stringify(input.rule),
      start_date: input.start,
      pauses: JSON.stringify(input.pauses ?? []),
      extensions: JSON.stringify(input.extensions ?? []),
      restart_on: input.restartOn ?? null,
      due_date: ex.due,
      done_on: input.doneOn ?? null,
      updated_at: new Date(),
    };
    const owner = { assignee_id: input.assigneeId ?? null, label: input.label ?? null };
    const row = await w.tx
      .insertInto('tracked_deadline')
      .values({ tenant_id: actor.tenantId, module: input.module, entity: input.entity, entity_id: input.entityId, title: input.title, ...values, ...owner })
      .onConflict((oc) => oc.columns(['tenant_id', 'entity', 'entity_id', 'module', 'title']).doUpdateSet({ ...values, ...owner }))
      .returningAll()
      .executeTakeFirstOrThrow();
    return this.present(row);
  }

  /**
   * Records (or updates) many deadlines at once — an import's open records — in one
   * statement per 5,000 (a JSON parameter expanded in the database; no parameter limit).
   */
  async trackMany(w: WriteScope, actor: Actor, inputs: readonly TrackInput[]): Promise<number> {
    let n = 0;
    for (let i = 0; i < inputs.length; i += 5000) {
      const rows = inputs.slice(i, i + 5000).map((input) => ({
        tenant_id: actor.tenantId,
        module: input.module,
        entity: input.entity,
        entity_id: input.entityId,
        title: input.title,
        org_id: input.orgId,
        rule: input.rule,
        start_date: input.start,
        pauses: input.pauses ?? [],
        extensions: input.extensions ?? [],
        restart_on: input.restartOn ?? null,
        due_date: this.explain(input).due,
        done_on: input.doneOn ?? null,
        assignee_id: input.assigneeId ?? null,
        label: input.label ?? null,
      }));
      const res =
        await sql`INSERT INTO tracked_deadline (tenant_id, module, entity, entity_id, title, org_id, rule, start_date, pauses, extensions, restart_on, due_date, done_on, assignee_id, label)
        SELECT tenant_id, module, entity, entity_id, title, org_id, rule, start_date, pauses, extensions, restart_on, due_date, done_on, assignee_id, label
        FROM jsonb_populate_recordset(NULL::tracked_deadline, ${JSON.stringify(rows)}::jsonb)
        ON CONFLICT (tenant_id, entity, entity_id, module, title) DO UPDATE SET
          org_id = excluded.org_id, rule = excluded.rule, start_date = excluded.start_date, pauses = excluded.pauses,
          extensions = excluded.extensions, restart_on = excluded.restart_on, due_date = excluded.due_date,
          done_on = excluded.done_on, updated_at = now(),
          assignee_id = excluded.assignee_id, label = excluded.label`.execute(w.tx);
      n += Number(res.numAffectedRows ?? 0);
    }
    return n;
  }

  present(r: Selectable<TrackedDeadlineTable>, opts: { today?: string; userId?: string | null } = {}): TrackedDeadline {
    const today = opts.today ?? isoDateInShanghai(new Date());
    return {
      id: r.id,
      module: r.module,
      entity: r.entity,
      entityId: r.entity_id,
      orgId: r.org_id,
      title: r.title,
      rule: typeof r.rule === 'string' ? JSON.parse(r.rule) : r.rule,
      start: r.start_date,
      due: r.due_date,
      doneOn: r.done_on,
      status: deadlineStatus({ due: r.due_date, today, doneOn: r.done_on }, this.cal),
      label: r.label,
      mine: !!opts.userId && r.assignee_id === opts.userId,
    };
  }

  /** Open deadlines in the actor's scope, soonest first, with their status today. */
  async listOpen(ctx: Ctx, opts: { limit?: number; module?: string } = {}): Promise<TrackedDeadline[]> {
    const rows = await ctx.db
      .selectFrom('tracked_deadline')
      .selectAll()
      .$call(withDataScope(ctx.actor))
      .where('done_on', 'is', null)
      .$if(!!opts.module, (q) => q.where('module', '=', opts.module!))
      .orderBy('due_date')
      .limit(opts.limit ?? 200)
      .execute();
    return rows.map((r) => this.present(r, { today: ctx.clock.today(), userId: ctx.actor.userId }));
  }

  /**
   * The open deadlines in the actor's scope summed up in SQL, however many there are: how many are overdue,
   * due soon (as `deadlineStatus` judges them today) and on course by module, how many are overdue by unit,
   * and the `urgent` most pressing ones (overdue or due soon, soonest first). Three index-served statements.
   */
  async openSummary(
    ctx: Ctx,
    opts: { urgent?: number } = {},
  ): Promise<{
    byModule: Array<{ module: string; overdue: number; dueSoon: number; ok: number }>;
    overdueByOrg: Map<string, number>;
    urgent: TrackedDeadline[];
  }> {
    const { today, soonBefore } = deadlineBounds(this.cal, ctx.clock.today());
    const open = () => ctx.db.selectFrom('tracked_deadline').$call(withDataScope(ctx.actor)).where('done_on', 'is', null);
    const [modules, orgs, urgent] = await Promise.all([
      open()
        .select((eb) => [
          'module',
          eb.fn.countAll<string>().filterWhere('due_date', '<', today).as('overdue'),
          eb.fn
            .countAll<string>()
            .filterWhere((f) => f.and([f('due_date', '>=', today), f('due_date', '<', soonBefore)]))
            .as('due_soon'),
          eb.fn.countAll<string>().filterWhere('due_date', '>=', soonBefore).as('ok'),
        ])
        .groupBy('module')
        .orderBy('module')
        .execute(),
      open()
        .select((eb) => ['org_id', eb.fn.countAll<string>().as('n')])
        .where('due_date', '<', today)
        .groupBy('org_id')
        .execute(),
      open()
        .selectAll()
        .where('due_date', '<', soonBefore)
        .orderBy('due_date')
        .orderBy('id')
        .limit(opts.urgent ?? 20)
        .execute(),
    ]);
    return {
      byModule: modules.map((m) => ({ module: m.module, overdue: Number(m.overdue), dueSoon: Number(m.due_soon), ok: Number(m.ok) })),
      overdueByOrg: new Map(orgs.map((o) => [o.org_id, Number(o.n)])),
      urgent: urgent.map((r) => this.present(r, { today, userId: ctx.actor.userId })),
    };
  }

  /**
   * 我的待办: the open deadlines assigned to the signed-in person, then the others of their own
   * unit (within their data scope), soonest first in each; and how many of them are overdue and
   * due within 3 working days (the bell). Two index-served queries, each bounded by `limit`.
   */
  async listMine(ctx: Ctx, opts: { limit?: number } = {}): Promise<{ items: TrackedDeadline[]; overdue: number; dueSoon: number }> {
    const limit = opts.limit ?? 50;
    const today = ctx.clock.today();
    const base = () => ctx.db.selectFrom('tracked_deadline').where('tenant_id', '=', ctx.actor.tenantId).where('done_on', 'is', null);
    const userId = ctx.actor.userId;
    const mine = userId ? await base().selectAll().where('assignee_id', '=', userId).orderBy('due_date').limit(limit).execute() : [];
    const orgId = ctx.actor.orgId;
    const inScope = !!orgId && (ctx.actor.scope.all || ctx.actor.scope.orgIds.includes(orgId));
    const unit = inScope
      ? await base()
          .selectAll()
          .where('org_id', '=', orgId)
          .$if(!!userId, (q) => q.where((eb) => eb.or([eb('assignee_id', 'is', null), eb('assignee_id', '!=', userId!)])))
          .orderBy('due_date')
          .limit(limit)
          .execute()
      : [];
    const items = [...mine, ...unit].slice(0, limit).map((r) => this.present(r, { today, userId }));
    // 即将到期 as deadlineStatus judges it: at most 3 working days after today, i.e. before the 4th.
    const { soonBefore } = deadlineBounds(this.cal, today);
    const counts = await base()
      .select((eb) => [
        eb.fn.countAll<string>().filterWhere('due_date', '<', today).as('overdue'),
        eb.fn
          .countAll<string>()
          .filterWhere((f) => f.and([f('due_date', '>=', today), f('due_date', '<', soonBefore)]))
          .as('due_soon'),
      ])
      .where((eb) => {
        const whose = [];
        if (userId) whose.push(eb('assignee_id', '=', userId));
        if (inScope) whose.push(eb('org_id', '=', orgId!));
        return whose.length ? eb.or(whose) : eb.val(false);
      })
      .executeTakeFirstOrThrow();
    return { items, overdue: Number(counts.overdue), dueSoon: Number(counts.due_soon) };
  }

  /** A tracked deadline with its full explanation (404 outside the actor's scope). */
  async explainTracked(ctx: Ctx, id: string): Promise<TrackedDeadline & { explanation: DeadlineExplanation }> {
    const r = await ctx.db.selectFrom('tracked_deadline').selectAll().where('tenant_id', '=', ctx.actor.tenantId).where('id', '=', id).executeTakeFirst();
    if (!r || (!ctx.actor.scope.all && !ctx.actor.scope.orgIds.includes(r.org_id))) throw errors.notFound('期限');
    const d = this.present(r, { today: ctx.clock.today(), userId: ctx.actor.userId });
    return {
      ...d,
      explanation: this.explain({
        rule: d.rule,
        start: d.start,
        pauses: r.pauses as Pause[],
        extensions: r.extensions as Extension[],
        restartOn: r.restart_on,
      }),
    };
  }
}

/** Recomputes open deadlines whose span (start .. current due, plus slack for extensions) covers the changed date. */
async function recomputeOpen(tx: Kysely<KernelDB>, cal: WorkCalendar, date: string, requestId?: string): Promise<RecomputeChange[]> {
  const rows = await tx.selectFrom('tracked_deadline').selectAll().where('done_on', 'is', null).where('start_date', '<=', date).execute();
  const changes: RecomputeChange[] = [];
  for (const r of rows) {
    const ex = computeDeadline(
      {
        rule: r.rule as DeadlineRule,
        start: r.start_date,
        pauses: r.pauses as Pause[],
        extensions: r.extensions as Extension[],
        restartOn: r.restart_on ?? undefined,
      },
      cal,
    );
    if (ex.due === r.due_date) continue;
    await tx
      .updateTable('tracked_deadline')
      .set({ due_date: ex.due, updated_at: new Date() })
      .where('tenant_id', '=', r.tenant_id)
      .where('id', '=', r.id)
      .execute();
    await recordAudit(
      tx,
      systemActor(r.tenant_id, '日历调整'),
      {
        entity: r.entity,
        entityId: r.entity_id,
        action: 'deadline_recomputed',
        orgId: r.org_id,
        note: { title: r.title, before: r.due_date, after: ex.due, date },
      },
      requestId,
    );
    changes.push({ id: r.id, tenantId: r.tenant_id, title: r.title, entity: r.entity, entityId: r.entity_id, before: r.due_date, after: ex.due });
  }
  return changes;
}
