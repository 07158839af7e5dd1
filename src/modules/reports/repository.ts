import type { Kysely } from 'kysely';
import type { Ctx } from '../../core/context.js';
import type { KernelDB } from '../../core/db/types.js';
import type { ReportTables, Rounding } from './schema.js';

const t = (db: Kysely<KernelDB>) => db.withTables<ReportTables>();

/** The latest version of each section's narrative for a year. */
export async function currentNarratives(db: Kysely<KernelDB>, tenantId: string, report: string, year: number) {
  const rows = await t(db)
    .selectFrom('report_narrative')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('report', '=', report)
    .where('year', '=', year)
    .orderBy('section')
    .orderBy('version', 'desc')
    .execute();
  const out = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!out.has(r.section)) out.set(r.section, r);
  return out;
}

/** Which narrative: a report's year and section. */
export interface NarrativeKey {
  tenantId: string;
  report: string;
  year: number;
  section: string;
}

/** Every version of one section's narrative, newest first. */
export function narrativeVersions(db: Kysely<KernelDB>, k: NarrativeKey) {
  return t(db)
    .selectFrom('report_narrative')
    .select(['version', 'body', 'author', 'created_at'])
    .where('tenant_id', '=', k.tenantId)
    .where('report', '=', k.report)
    .where('year', '=', k.year)
    .where('section', '=', k.section)
    .orderBy('version', 'desc')
    .execute();
}

/** The latest version of one section's narrative (undefined before the first save). */
export function lastNarrative(db: Kysely<KernelDB>, k: NarrativeKey) {
  return t(db)
    .selectFrom('report_narrative')
    .select(['version', 'body'])
    .where('tenant_id', '=', k.tenantId)
    .where('report', '=', k.report)
    .where('year', '=', k.year)
    .where('section', '=', k.section)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Stores a new version of a section's narrative. */
export async function insertNarrative(
  db: Kysely<KernelDB>,
  k: NarrativeKey,
  v: { version: number; body: string; authorId: string | null; author: string },
): Promise<void> {
  await t(db)
    .insertInto('report_narrative')
    .values({
      tenant_id: k.tenantId,
      report: k.report,
      year: k.year,
      section: k.section,
      version: v.version,
      body: v.body,
      author_id: v.authorId,
      author: v.author,
    })
    .execute();
}

/** Which figure option: a report's year and metric. */
export interface FigureKey {
  tenantId: string;
  report: string;
  year: number;
  metric: string;
}

/** The bureau's choices for one figure (undefined when never set). */
export function figureOption(db: Kysely<KernelDB>, k: FigureKey) {
  return t(db)
    .selectFrom('report_figure_option')
    .selectAll()
    .where('tenant_id', '=', k.tenantId)
    .where('report', '=', k.report)
    .where('year', '=', k.year)
    .where('metric', '=', k.metric)
    .executeTakeFirst();
}

/** Sets the bureau's choices for one figure (inserted, or updated to the given version). */
export async function upsertFigureOption(
  db: Kysely<KernelDB>,
  k: FigureKey,
  v: { rounding: Rounding; stateYoy: boolean; include: boolean; version: number },
): Promise<void> {
  await t(db)
    .insertInto('report_figure_option')
    .values({
      tenant_id: k.tenantId,
      report: k.report,
      year: k.year,
      metric: k.metric,
      rounding: v.rounding,
      state_yoy: v.stateYoy,
      include_in_report: v.include,
    })
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'report', 'year', 'metric']).doUpdateSet({
        rounding: v.rounding,
        state_yoy: v.stateYoy,
        include_in_report: v.include,
        version: v.version,
        updated_at: new Date(),
      }),
    )
    .execute();
}

/** The tenant's name (the report's author). */
export function tenantOf(db: Kysely<KernelDB>, tenantId: string) {
  return db.selectFrom('tenant').select('name').where('id', '=', tenantId).executeTakeFirstOrThrow();
}

/** The tenant's bureau, which owns its reports (undefined when it has none). */
export async function bureauId(db: Kysely<KernelDB>, tenantId: string): Promise<string | undefined> {
  const r = await db.selectFrom('org').select('id').where('tenant_id', '=', tenantId).where('kind', '=', 'bureau').executeTakeFirst();
  return r?.id;
}

/** The streets in the actor's data scope, in their order (the dashboard compares them). */
export function streetsInScope(ctx: Ctx) {
  const orgIds = ctx.actor.scope.all ? null : ctx.actor.scope.orgIds;
  return ctx.db
    .selectFrom('org')
    .select(['id', 'name'])
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('kind', '=', 'street')
    .$if(!!orgIds, (q) => q.where('id', 'in', orgIds?.length ? [...orgIds] : ['00000000-0000-0000-0000-000000000000']))
    .orderBy('sort')
    .execute();
}

export async function figureOptions(db: Kysely<KernelDB>, tenantId: string, report: string, year: number) {
  const rows = await t(db)
    .selectFrom('report_figure_option')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('report', '=', report)
    .where('year', '=', year)
    .execute();
  return new Map(rows.map((r) => [r.metric, { rounding: r.rounding as Rounding, stateYoy: r.state_yoy, include: r.include_in_report, version: r.version }]));
}
