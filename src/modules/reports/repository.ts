import type { Kysely } from 'kysely';
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

/** Every version of one section's narrative, newest first. */
export function narrativeVersions(db: Kysely<KernelDB>, tenantId: string, report: string, year: number, section: string) {
  return t(db)
    .selectFrom('report_narrative')
    .select(['version', 'body', 'author', 'created_at'])
    .where('tenant_id', '=', tenantId)
    .where('report', '=', report)
    .where('year', '=', year)
    .where('section', '=', section)
    .orderBy('version', 'desc')
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
