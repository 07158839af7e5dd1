/** All of the decisions module's SQL (tests/kernel/layering.test.ts). */
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { KernelDB } from '../../core/db/types.js';
import type { Ctx } from '../../core/context.js';
import { withDataScope } from '../../core/scope.js';
import { insertMany, updateMany } from '../../core/db/bulk.js';
import { containsPattern, type ListSort, listQueries, type SortWhitelist } from '../../core/lists.js';
import type { DecisionsTables, DecisionStatus } from './schema.js';

const t = (db: Kysely<KernelDB>) => db.withTables<DecisionsTables>();

export type DecisionRow = Selectable<DecisionsTables['dec_decision']>;
export type CatalogueRow = Selectable<DecisionsTables['dec_catalogue_item']>;
export type DecisionWithOrg = DecisionRow & { org_name: string | null; catalogue_title: string | null; catalogue_seq: number | null };
export type CatalogueWithOrg = CatalogueRow & { org_name: string | null; decisions: number };

const withOrg = (db: Kysely<KernelDB>, ctx: Pick<Ctx, 'actor'>) =>
  t(db)
    .selectFrom('dec_decision as d')
    .leftJoin('org as o', (j) => j.onRef('o.tenant_id', '=', 'd.tenant_id').onRef('o.id', '=', 'd.org_id'))
    .leftJoin('dec_catalogue_item as ci', (j) => j.onRef('ci.tenant_id', '=', 'd.tenant_id').onRef('ci.id', '=', 'd.catalogue_item_id'))
    .selectAll('d')
    .select(['o.name as org_name', 'ci.title as catalogue_title', 'ci.seq as catalogue_seq'])
    .$call(withDataScope(ctx.actor, 'd'));

export interface DecisionFilter {
  year?: number;
  status?: DecisionStatus;
  orgId?: string;
  /** A 决策事项, 分管领导 or 决策内容, anywhere in it (as typed: % and _ are characters). */
  q?: string;
  /** A column of {@link DECISION_SORTABLE} and the direction; absent: the newest year first, in catalogue order. */
  sort?: ListSort<keyof typeof DECISION_SORTABLE>;
}

/** The columns a decision list may be sorted on, each served by an index of `dec_decision` (0001, 0002). */
export const DECISION_SORTABLE = {
  year: { column: 'd.year', label: '年度' },
  title: { column: 'd.title', label: '决策事项' },
  reviewOn: { column: 'd.review_on', label: '合法性审查日期' },
  discussionOn: { column: 'd.discussion_on', label: '集体讨论日期' },
  publicationOn: { column: 'd.publication_on', label: '公布日期' },
} as const satisfies SortWhitelist;

/** Decisions in the actor's scope matching a list's filters (unordered). */
const filteredDecisions = (ctx: Ctx, f: DecisionFilter) =>
  withOrg(ctx.db, ctx)
    .$if(!!f.year, (q) => q.where('d.year', '=', f.year!))
    .$if(!!f.status, (q) => q.where('d.status', '=', f.status!))
    .$if(!!f.orgId, (q) => q.where('d.org_id', '=', f.orgId!))
    .$if(!!f.q, (q) => {
      const like = containsPattern(f.q!);
      return q.where((eb) => eb.or([eb('d.title', 'ilike', like), eb('d.leader', 'ilike', like), eb('d.summary', 'ilike', like)]));
    });

/** The decision list, the newest year first in catalogue order unless sorted. */
const decisionList = listQueries({
  filtered: filteredDecisions,
  sortable: DECISION_SORTABLE,
  tieBreaker: 'd.id',
  order: (q) => q.orderBy('d.year', 'desc').orderBy('ci.seq').orderBy('d.title'),
});

/** A page of the decisions in the actor's scope (newest year first unless sorted), with the filtered total. */
export async function listDecisions(ctx: Ctx, f: DecisionFilter & { limit: number; offset: number }): Promise<{ rows: DecisionWithOrg[]; total: number }> {
  const { rows, total } = await decisionList.page(ctx, f);
  return { rows: rows as DecisionWithOrg[], total };
}

/** How many decisions a list's filters give (the export's cap is checked on it before any row is read). */
export const countDecisions = decisionList.count;

/** One decision in the actor's scope (undefined: none, or outside the scope). */
export const getDecision = (db: Kysely<KernelDB>, ctx: Pick<Ctx, 'actor'>, id: string) =>
  withOrg(db, ctx).where('d.id', '=', id).executeTakeFirst() as Promise<DecisionWithOrg | undefined>;

/** Decisions of the tenant by year and title (a ledger row's key), locked for the save. */
export const decisionsByKey = (db: Kysely<KernelDB>, tenantId: string, years: readonly number[]) =>
  years.length
    ? t(db)
        .selectFrom('dec_decision')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('year', 'in', [...new Set(years)])
        .forUpdate()
        .execute()
    : Promise.resolve([]);

export const insertDecisions = (db: Kysely<KernelDB>, rows: ReadonlyArray<Record<string, unknown>>) => insertMany(db, 'dec_decision', rows);
export const updateDecisions = (db: Kysely<KernelDB>, rows: ReadonlyArray<Record<string, unknown>>) =>
  updateMany(db, 'dec_decision', ['tenant_id', 'id'], rows);

/**
 * The ledger's export: every decision in the actor's scope (oldest year first, in catalogue order); with a
 * list's filters (the list's export), exactly the list's rows in its order.
 */
export const decisionsForExport = async (ctx: Ctx, f?: DecisionFilter) =>
  (await (f ? decisionList.rows(ctx, f) : withOrg(ctx.db, ctx).orderBy('d.year').orderBy('ci.seq').orderBy('d.title').execute())) as DecisionWithOrg[];

// ── The catalogue ──

const catalogue = (db: Kysely<KernelDB>) =>
  t(db)
    .selectFrom('dec_catalogue_item as c')
    .leftJoin('org as o', (j) => j.onRef('o.tenant_id', '=', 'c.tenant_id').onRef('o.id', '=', 'c.org_id'))
    .selectAll('c')
    .select('o.name as org_name')
    .select((eb) =>
      eb
        .selectFrom('dec_decision as d')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('d.tenant_id', '=', 'c.tenant_id')
        .whereRef('d.catalogue_item_id', '=', 'c.id')
        .as('decisions'),
    );

/** The catalogue items of a year (every year when none), in catalogue order. The catalogue is the bureau's: not scoped. */
export async function listCatalogue(ctx: Pick<Ctx, 'db' | 'actor'>, year?: number): Promise<CatalogueWithOrg[]> {
  const rows = await catalogue(ctx.db)
    .where('c.tenant_id', '=', ctx.actor.tenantId)
    .$if(!!year, (q) => q.where('c.year', '=', year!))
    .orderBy('c.year', 'desc')
    .orderBy('c.seq')
    .execute();
  return rows.map((r) => ({ ...r, decisions: Number(r.decisions ?? 0) })) as CatalogueWithOrg[];
}

/** One catalogue item with its unit and the number of decisions registered under it. */
export async function catalogueItemWithCount(db: Kysely<KernelDB>, tenantId: string, id: string): Promise<CatalogueWithOrg | undefined> {
  const r = await catalogue(db).where('c.tenant_id', '=', tenantId).where('c.id', '=', id).executeTakeFirst();
  return r ? ({ ...r, decisions: Number(r.decisions ?? 0) } as CatalogueWithOrg) : undefined;
}

/** Locks a catalogue item until the transaction ends (a deletion and a decision registered under it do not cross). */
export async function lockCatalogueItem(db: Kysely<KernelDB>, tenantId: string, id: string): Promise<void> {
  await t(db).selectFrom('dec_catalogue_item').select('id').where('tenant_id', '=', tenantId).where('id', '=', id).forUpdate().execute();
}

/** Deletes a catalogue item at the version read; false when it changed since (or is gone). */
export async function deleteCatalogueItemRow(db: Kysely<KernelDB>, tenantId: string, item: { id: string; version: number }): Promise<boolean> {
  const r = await t(db)
    .deleteFrom('dec_catalogue_item')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', item.id)
    .where('version', '=', item.version)
    .executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

export const getCatalogueItem = (db: Kysely<KernelDB>, tenantId: string, id: string) =>
  t(db).selectFrom('dec_catalogue_item').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();

/** The items of some years (a ledger matches 目录事项 by year and title; a new item takes the next 序号). */
export const catalogueOfYears = (db: Kysely<KernelDB>, tenantId: string, years: readonly number[]) =>
  years.length
    ? t(db)
        .selectFrom('dec_catalogue_item')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('year', 'in', [...new Set(years)])
        .execute()
    : Promise.resolve([]);

export const insertCatalogueItem = (db: Kysely<KernelDB>, row: Insertable<DecisionsTables['dec_catalogue_item']>) =>
  t(db).insertInto('dec_catalogue_item').values(row).returningAll().executeTakeFirstOrThrow();

/** Marks a year's unpublished items published on a date; returns the rows changed. */
export const publishCatalogueYear = (db: Kysely<KernelDB>, tenantId: string, year: number, on: string) =>
  t(db)
    .updateTable('dec_catalogue_item')
    .set((eb) => ({ published_on: on, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('tenant_id', '=', tenantId)
    .where('year', '=', year)
    .where('published_on', 'is', null)
    .returningAll()
    .execute();

/** The public catalogue (no login): published items of every year. */
export const publicCatalogue = (db: Kysely<KernelDB>, tenantId: string) =>
  catalogue(db).where('c.tenant_id', '=', tenantId).where('c.published_on', 'is not', null).orderBy('c.year', 'desc').orderBy('c.seq').execute();

/**
 * The owner of a step's attachments: a step is named `<decision id>:<step>` (its files are the
 * decision's, filed under the step), owned by the decision's unit.
 */
export async function stepOwnerOrg(db: Kysely<KernelDB>, tenantId: string, stepId: string, steps: readonly string[]): Promise<string | undefined> {
  const [id, step] = stepId.split(':');
  if (!id || !step || !steps.includes(step) || !/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const r = await t(db).selectFrom('dec_decision').select('org_id').where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  return r?.org_id;
}
