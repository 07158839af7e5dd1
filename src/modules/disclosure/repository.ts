/** All SQL of the disclosure module's own tables: proactive disclosures and the annual report's texts. Lists apply the data scope. */
import { type Insertable, sql, type Kysely } from 'kysely';
import type { KernelDB } from '../../core/db/types.js';
import type { Ctx } from '../../core/context.js';
import { isUuid } from '../../core/ids.js';
import { withDataScope } from '../../core/scope.js';
import type { DisclosureTables } from './schema.js';
import { onlineReceiptStore } from '../demands/index.js';

const t = (db: Kysely<KernelDB>) => db.withTables<DisclosureTables>();

/** Proactive disclosures in the actor's scope (of a year, if given), newest first. */
export async function listProactive(ctx: Ctx, year?: number) {
  return t(ctx.db)
    .selectFrom('disclosure_proactive')
    .selectAll()
    .$call(withDataScope(ctx.actor))
    .$if(!!year, (q) => q.where('published_on', '>=', `${year}-01-01`).where('published_on', '<=', `${year}-12-31`))
    .orderBy('published_on', 'desc')
    .execute();
}

/** Proactive disclosures in the actor's scope in ledger order (by date, then title). */
export async function proactiveForExport(ctx: Ctx) {
  return t(ctx.db).selectFrom('disclosure_proactive').selectAll().$call(withDataScope(ctx.actor)).orderBy('published_on').orderBy('title').execute();
}

/** A tenant's proactive disclosures bearing one of the titles (the matching of a save). */
export async function proactiveByTitles(db: Kysely<KernelDB>, tenantId: string, titles: readonly string[]) {
  return t(db)
    .selectFrom('disclosure_proactive')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where(sql<boolean>`title = ANY(${sql.val(titles)}::text[])`)
    .execute();
}

/** The sections of a tenant's proactive disclosures published in a year (the annual report). */
export async function proactiveSectionsOfYear(db: Kysely<KernelDB>, tenantId: string, year: number) {
  return t(db)
    .selectFrom('disclosure_proactive')
    .select(['section'])
    .where('tenant_id', '=', tenantId)
    .where('published_on', '>=', `${year}-01-01`)
    .where('published_on', '<=', `${year}-12-31`)
    .execute();
}

/** The unit owning a proactive disclosure (undefined: unknown id). */
export async function proactiveOwnerOrg(db: Kysely<KernelDB>, tenantId: string, id: string): Promise<string | undefined> {
  if (!isUuid(id)) return undefined;
  const r = await t(db).selectFrom('disclosure_proactive').select('org_id').where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  return r?.org_id;
}

/** The report's texts of a year, by section. */
export async function reportTexts(db: Kysely<KernelDB>, tenantId: string, year: number) {
  return t(db).selectFrom('disclosure_report_text').select(['section', 'body']).where('tenant_id', '=', tenantId).where('year', '=', year).execute();
}

/** The report's text of one section of a year, if written. */
export async function reportTextOf(db: Kysely<KernelDB>, key: { tenantId: string; year: number; section: string }) {
  return t(db)
    .selectFrom('disclosure_report_text')
    .select('body')
    .where('tenant_id', '=', key.tenantId)
    .where('year', '=', key.year)
    .where('section', '=', key.section)
    .executeTakeFirst();
}

/** Writes (or replaces) the report's text of one section of a year. */
export async function upsertReportText(db: Kysely<KernelDB>, row: { tenantId: string; year: number; section: string; body: string }): Promise<void> {
  await t(db)
    .insertInto('disclosure_report_text')
    .values({ tenant_id: row.tenantId, year: row.year, section: row.section, body: row.body })
    .onConflict((oc) => oc.columns(['tenant_id', 'year', 'section']).doUpdateSet({ body: row.body, updated_at: new Date() }))
    .execute();
}

/** 网络申请的回执 — the online store of the disclosure kind (receipt number → request), over its own table. */
export const disclosureOnlineStore = onlineReceiptStore<DisclosureTables>('disclosure_online');

// ── The demo bureau's loads (demo.ts) ──

/** The id of the tenant's user of a username, if any. */
export async function userIdByUsername(db: Kysely<KernelDB>, tenantId: string, username: string): Promise<string | null> {
  return (await db.selectFrom('app_user').select('id').where('tenant_id', '=', tenantId).where('username', '=', username).executeTakeFirst())?.id ?? null;
}

/** Inserts proactive disclosures; their ids, dates, sections and titles. */
export function insertProactiveRows(db: Kysely<KernelDB>, rows: Insertable<DisclosureTables['disclosure_proactive']>[]) {
  return t(db).insertInto('disclosure_proactive').values(rows).returning(['id', 'published_on', 'section', 'title']).execute();
}
