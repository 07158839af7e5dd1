/** All of the enforcement module's SQL. Every list and get applies the actor's data scope. */
import { sql, type Insertable, type Kysely } from 'kysely';
import type { KernelDB } from '../../core/db/types.js';
import type { Actor } from '../../core/context.js';
import { withDataScope } from '../../core/scope.js';
import type { EnfTables } from './schema.js';
import { isUuid } from '../../core/ids.js';

export const enf = (db: Kysely<KernelDB>) => db.withTables<EnfTables>();

export interface CaseFilter {
  stage?: string;
  orgId?: string;
  side?: 'bureau' | 'streets';
  year?: number;
  q?: string;
  open?: boolean;
}

/** Cases in the actor's scope, newest first. */
export function listCases(db: Kysely<KernelDB>, actor: Actor, f: CaseFilter) {
  return enf(db)
    .selectFrom('enf_case')
    .innerJoin('org', (j) => j.onRef('org.tenant_id', '=', 'enf_case.tenant_id').onRef('org.id', '=', 'enf_case.org_id'))
    .selectAll('enf_case')
    .select(['org.name as org_name', 'org.kind as org_kind', 'org.uscc as org_uscc'])
    .$call(withDataScope(actor, 'enf_case'))
    .$if(!!f.stage, (q) => q.where('enf_case.stage', '=', f.stage!))
    .$if(!!f.orgId, (q) => q.where('enf_case.org_id', '=', f.orgId!))
    .$if(f.side === 'streets', (q) => q.where('org.kind', '=', 'street'))
    .$if(f.side === 'bureau', (q) => q.where('org.kind', '!=', 'street'))
    .$if(!!f.year, (q) => q.where('enf_case.filed_on', '>=', `${f.year}-01-01`).where('enf_case.filed_on', '<=', `${f.year}-12-31`))
    .$if(!!f.open, (q) => q.where('enf_case.stage', 'not in', ['closed', 'archived', 'revoked']))
    .$if(!!f.q, (q) =>
      q.where((eb) =>
        eb.or([eb('enf_case.case_no', 'like', `%${f.q}%`), eb('enf_case.cause', 'like', `%${f.q}%`), eb('enf_case.party_name', 'like', `%${f.q}%`)]),
      ),
    )
    .orderBy('enf_case.filed_on', 'desc')
    .orderBy('enf_case.case_no', 'desc')
    .limit(2000)
    .execute();
}

/** One case in the actor's scope (undefined outside it). */
export function getCase(db: Kysely<KernelDB>, actor: Actor, id: string) {
  if (!isUuid(id)) return Promise.resolve(undefined);
  return enf(db)
    .selectFrom('enf_case')
    .innerJoin('org', (j) => j.onRef('org.tenant_id', '=', 'enf_case.tenant_id').onRef('org.id', '=', 'enf_case.org_id'))
    .selectAll('enf_case')
    .select(['org.name as org_name', 'org.kind as org_kind', 'org.uscc as org_uscc'])
    .$call(withDataScope(actor, 'enf_case'))
    .where('enf_case.id', '=', id)
    .executeTakeFirst();
}

export type CaseWithOrg = NonNullable<Awaited<ReturnType<typeof getCase>>>;

export function listEvidence(db: Kysely<KernelDB>, tenantId: string, caseId: string) {
  return enf(db)
    .selectFrom('enf_evidence')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .orderBy('collected_on')
    .orderBy('created_at')
    .execute();
}

export function officersByIds(db: Kysely<KernelDB>, tenantId: string, ids: readonly string[]) {
  if (!ids.length) return Promise.resolve([]);
  return enf(db)
    .selectFrom('enf_officer')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where(sql<boolean>`id = ANY(${sql.val([...ids])}::uuid[])`)
    .execute();
}

/** Officers in the actor's scope (a street sees its own). */
export function listOfficers(db: Kysely<KernelDB>, actor: Actor, opts: { orgId?: string } = {}) {
  return enf(db)
    .selectFrom('enf_officer')
    .innerJoin('org', (j) => j.onRef('org.tenant_id', '=', 'enf_officer.tenant_id').onRef('org.id', '=', 'enf_officer.org_id'))
    .selectAll('enf_officer')
    .select(['org.name as org_name'])
    .$call(withDataScope(actor, 'enf_officer'))
    .$if(!!opts.orgId, (q) => q.where('enf_officer.org_id', '=', opts.orgId!))
    .orderBy('org.sort')
    .orderBy('enf_officer.name')
    .execute();
}

/** The item catalogue is the bureau's reference data: every user of the tenant reads all of it. */
export function listItems(db: Kysely<KernelDB>, tenantId: string) {
  return enf(db).selectFrom('enf_item').selectAll().where('tenant_id', '=', tenantId).orderBy('code').execute();
}

export function getItem(db: Kysely<KernelDB>, tenantId: string, id: string) {
  if (!isUuid(id)) return Promise.resolve(undefined);
  return enf(db).selectFrom('enf_item').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export function listClues(db: Kysely<KernelDB>, actor: Actor, f: { status?: string; source?: string }) {
  return enf(db)
    .selectFrom('enf_clue')
    .innerJoin('org', (j) => j.onRef('org.tenant_id', '=', 'enf_clue.tenant_id').onRef('org.id', '=', 'enf_clue.org_id'))
    .selectAll('enf_clue')
    .select(['org.name as org_name', 'org.kind as org_kind'])
    .$call(withDataScope(actor, 'enf_clue'))
    .$if(!!f.status, (q) => q.where('enf_clue.status', '=', f.status as any))
    .$if(!!f.source, (q) => q.where('enf_clue.source', '=', f.source!))
    .orderBy('enf_clue.received_on', 'desc')
    .orderBy('enf_clue.clue_no', 'desc')
    .limit(2000)
    .execute();
}

export function getClue(db: Kysely<KernelDB>, actor: Actor, id: string) {
  if (!isUuid(id)) return Promise.resolve(undefined);
  return enf(db)
    .selectFrom('enf_clue')
    .innerJoin('org', (j) => j.onRef('org.tenant_id', '=', 'enf_clue.tenant_id').onRef('org.id', '=', 'enf_clue.org_id'))
    .selectAll('enf_clue')
    .select(['org.name as org_name', 'org.kind as org_kind'])
    .$call(withDataScope(actor, 'enf_clue'))
    .where('enf_clue.id', '=', id)
    .executeTakeFirst();
}

export function listReviews(db: Kysely<KernelDB>, actor: Actor) {
  return enf(db)
    .selectFrom('enf_review')
    .innerJoin('org', (j) => j.onRef('org.tenant_id', '=', 'enf_review.tenant_id').onRef('org.id', '=', 'enf_review.org_id'))
    .selectAll('enf_review')
    .select(['org.name as org_name'])
    .$call(withDataScope(actor, 'enf_review'))
    .orderBy('enf_review.drawn_on', 'desc')
    .execute();
}

export function getReview(db: Kysely<KernelDB>, actor: Actor, id: string) {
  if (!isUuid(id)) return Promise.resolve(undefined);
  return enf(db).selectFrom('enf_review').selectAll().$call(withDataScope(actor)).where('id', '=', id).executeTakeFirst();
}

export function reviewItems(db: Kysely<KernelDB>, tenantId: string, reviewId: string) {
  return enf(db)
    .selectFrom('enf_review_item')
    .innerJoin('enf_case', (j) => j.onRef('enf_case.tenant_id', '=', 'enf_review_item.tenant_id').onRef('enf_case.id', '=', 'enf_review_item.case_id'))
    .selectAll('enf_review_item')
    .select(['enf_case.case_no', 'enf_case.cause', 'enf_case.closed_on'])
    .where('enf_review_item.tenant_id', '=', tenantId)
    .where('enf_review_item.review_id', '=', reviewId)
    .orderBy('enf_case.case_no')
    .execute();
}

/** Next serial for a number prefix in a year (e.g. clue or case numbers). */
export async function nextSerial(
  db: Kysely<KernelDB>,
  tenantId: string,
  table: 'enf_case' | 'enf_clue',
  column: 'case_no' | 'clue_no' | 'decision_no',
  prefix: string,
): Promise<number> {
  const rows = await enf(db)
    .selectFrom(table as 'enf_case')
    .select(`${column} as no` as any)
    .where('tenant_id', '=', tenantId)
    .where(column as any, 'like', `${prefix}%`)
    .execute();
  let max = 0;
  for (const r of rows as Array<{ no: string | null }>) {
    const m = /(\d+)号?$/.exec(r.no ?? '');
    if (m) max = Math.max(max, Number(m[1]));
  }
  return max + 1;
}

// ── Case events ──

/** Whether an attachment exists and was uploaded to this case (an evidence's file). */
export async function attachmentOfCase(db: Kysely<KernelDB>, tenantId: string, attachmentId: string, caseId: string): Promise<boolean> {
  if (!isUuid(attachmentId)) return false;
  const a = await db
    .selectFrom('attachment')
    .select(['entity', 'entity_id'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', attachmentId)
    .executeTakeFirst();
  return !!a && a.entity === 'enforcement.case' && a.entity_id === caseId;
}

/** Registers one evidence item of a case; its id. */
export async function insertEvidence(db: Kysely<KernelDB>, values: Insertable<EnfTables['enf_evidence']>): Promise<string> {
  return (await enf(db).insertInto('enf_evidence').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

/** Whether another case of the tenant already carries a decision number. */
export async function decisionNoTaken(db: Kysely<KernelDB>, tenantId: string, decisionNo: string, exceptCaseId: string): Promise<boolean> {
  const dup = await enf(db)
    .selectFrom('enf_case')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('decision_no', '=', decisionNo)
    .where('id', '!=', exceptCaseId)
    .executeTakeFirst();
  return !!dup;
}
