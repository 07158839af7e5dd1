/** All of the enforcement module's SQL. Every list and get applies the actor's data scope. */
import { sql, type Insertable, type Kysely } from 'kysely';
import type { KernelDB } from '../../core/db/types.js';
import type { Actor, Ctx } from '../../core/context.js';
import { withDataScope } from '../../core/scope.js';
import { containsPattern, type ListSort, listQueries, type SortWhitelist } from '../../core/lists.js';
import type { EnfTables } from './schema.js';
import { isUuid } from '../../core/ids.js';
import type { ClueStage } from './clueWorkflow.js';
import { type DeadlineBounds, hasOpenDeadlineSql, type OpenDeadlineState } from '../../core/calendar/trackedSql.js';

export const enf = (db: Kysely<KernelDB>) => db.withTables<EnfTables>();

/** What a list reads through: the database and the actor whose data scope applies (a `Ctx` is one). */
type Reader = Pick<Ctx, 'db' | 'actor'>;

export interface CaseFilter {
  stage?: string;
  orgId?: string;
  side?: 'bureau' | 'streets';
  year?: number;
  /** 案件编号, 案由 or 当事人, anywhere in it, as typed. */
  q?: string;
  open?: boolean;
  /** 案件来源, exactly. */
  source?: string;
  /** Cases with a tracked deadline (作出决定、送达、缴纳罚款) open in this state on the bounds' day. */
  deadline?: { state: OpenDeadlineState; bounds: DeadlineBounds };
  /** A column of {@link CASE_SORTABLE} and the direction; absent: the newest filed first. */
  sort?: ListSort<keyof typeof CASE_SORTABLE>;
}

/** The columns a case list may be sorted on, each served by an index of `enf_case`. */
export const CASE_SORTABLE = {
  caseNo: { column: 'enf_case.case_no', label: '案件编号' },
  filedOn: { column: 'enf_case.filed_on', label: '立案日期' },
  decidedOn: { column: 'enf_case.decided_on', label: '决定日期' },
  closedOn: { column: 'enf_case.closed_on', label: '结案日期' },
} as const satisfies SortWhitelist;

/** Cases in the actor's scope with their unit's name, kind and 统一社会信用代码 (what the list and the record show). */
function scopedCases(db: Kysely<KernelDB>, actor: Actor) {
  return enf(db)
    .selectFrom('enf_case')
    .innerJoin('org', (j) => j.onRef('org.tenant_id', '=', 'enf_case.tenant_id').onRef('org.id', '=', 'enf_case.org_id'))
    .selectAll('enf_case')
    .select(['org.name as org_name', 'org.kind as org_kind', 'org.uscc as org_uscc'])
    .$call(withDataScope(actor, 'enf_case'));
}

/** Cases in the actor's scope matching a list's filters (unordered). */
function filteredCases({ db, actor }: Reader, f: CaseFilter) {
  return scopedCases(db, actor)
    .$if(!!f.stage, (q) => q.where('enf_case.stage', '=', f.stage!))
    .$if(!!f.orgId, (q) => q.where('enf_case.org_id', '=', f.orgId!))
    .$if(!!f.source, (q) => q.where('enf_case.source', '=', f.source!))
    .$if(f.side === 'streets', (q) => q.where('org.kind', '=', 'street'))
    .$if(f.side === 'bureau', (q) => q.where('org.kind', '!=', 'street'))
    .$if(!!f.year, (q) => q.where('enf_case.filed_on', '>=', `${f.year}-01-01`).where('enf_case.filed_on', '<=', `${f.year}-12-31`))
    .$if(!!f.open, (q) => q.where('enf_case.stage', 'not in', ['closed', 'archived', 'revoked']))
    .$if(!!f.deadline, (q) =>
      q.where(hasOpenDeadlineSql({ entity: 'enforcement.case', tenantColumn: 'enf_case.tenant_id', idColumn: 'enf_case.id', ...f.deadline! })),
    )
    .$if(!!f.q, (q) =>
      q.where((eb) => {
        const like = containsPattern(f.q!);
        return eb.or([eb('enf_case.case_no', 'like', like), eb('enf_case.cause', 'like', like), eb('enf_case.party_name', 'like', like)]);
      }),
    );
}

/** The case list, the newest filed first (then by number) unless sorted. */
const caseList = listQueries({
  filtered: filteredCases,
  sortable: CASE_SORTABLE,
  tieBreaker: 'enf_case.id',
  order: (q) => q.orderBy('enf_case.filed_on', 'desc').orderBy('enf_case.case_no', 'desc'),
});

/** Cases in the actor's scope in the list's order (at most `limit`, 2,000 by default: the pickers' list). */
export function listCases(db: Kysely<KernelDB>, actor: Actor, f: CaseFilter, limit?: number) {
  return caseList.list({ db, actor }, f, limit);
}

/** A page of the case list and the filtered total; how many cases a list's filters give (the export's cap is checked on it). */
export const { page: pageCases, count: countCases } = caseList;

/** One case in the actor's scope (undefined outside it). */
export function getCase(db: Kysely<KernelDB>, actor: Actor, id: string) {
  if (!isUuid(id)) return Promise.resolve(undefined);
  return scopedCases(db, actor).where('enf_case.id', '=', id).executeTakeFirst();
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

/** Officers in the actor's scope with their unit's name. */
function scopedOfficers(db: Kysely<KernelDB>, actor: Actor) {
  return enf(db)
    .selectFrom('enf_officer')
    .innerJoin('org', (j) => j.onRef('org.tenant_id', '=', 'enf_officer.tenant_id').onRef('org.id', '=', 'enf_officer.org_id'))
    .selectAll('enf_officer')
    .select(['org.name as org_name'])
    .$call(withDataScope(actor, 'enf_officer'));
}

/** Officers in the actor's scope (a street sees its own). */
export function listOfficers(db: Kysely<KernelDB>, actor: Actor, opts: { orgId?: string } = {}) {
  return scopedOfficers(db, actor)
    .$if(!!opts.orgId, (q) => q.where('enf_officer.org_id', '=', opts.orgId!))
    .orderBy('org.sort')
    .orderBy('enf_officer.name')
    .execute();
}

/** The officer list's filters: unit, in service or not, the certificate's state on `today`, text (姓名 or 执法证号). */
export interface OfficerFilter {
  orgId?: string;
  active?: boolean;
  /** The certificate's state on `today` (rules.ts certStatus: expiring = valid and at most `warnDays` days left). */
  cert?: { status: 'valid' | 'expiring' | 'expired' | 'none'; today: string; warnUntil: string };
  /** 姓名 or 执法证号, anywhere in it, as typed. */
  q?: string;
  /** A column of {@link OFFICER_SORTABLE} and the direction; absent: by unit (its sort order), then name. */
  sort?: ListSort<keyof typeof OFFICER_SORTABLE>;
}

/** The columns an officer list may be sorted on, each served by an index of `enf_officer` (0001: 执法证号; 0007: the others). */
export const OFFICER_SORTABLE = {
  name: { column: 'enf_officer.name', label: '姓名' },
  certNo: { column: 'enf_officer.cert_no', label: '执法证号' },
  certIssuedOn: { column: 'enf_officer.cert_issued_on', label: '发证日期' },
  certValidUntil: { column: 'enf_officer.cert_valid_until', label: '有效期至' },
} as const satisfies SortWhitelist;

/** Officers in the actor's scope matching a list's filters, with their unit's name (unordered). */
function filteredOfficers({ db, actor }: Reader, f: OfficerFilter) {
  const c = f.cert;
  // No certificate: no number or no end date (certStatus 'none'); otherwise by its end date against today.
  const none = sql<boolean>`(coalesce(enf_officer.cert_no, '') = '' OR enf_officer.cert_valid_until IS NULL)`;
  return scopedOfficers(db, actor)
    .$if(!!f.orgId, (q) => q.where('enf_officer.org_id', '=', f.orgId!))
    .$if(f.active !== undefined, (q) => q.where('enf_officer.active', '=', f.active!))
    .$if(c?.status === 'none', (q) => q.where(none))
    .$if(c?.status === 'expired', (q) => q.where(sql<boolean>`NOT ${none}`).where('enf_officer.cert_valid_until', '<', c!.today))
    .$if(c?.status === 'expiring', (q) =>
      q.where(sql<boolean>`NOT ${none}`).where('enf_officer.cert_valid_until', '>=', c!.today).where('enf_officer.cert_valid_until', '<=', c!.warnUntil),
    )
    .$if(c?.status === 'valid', (q) => q.where(sql<boolean>`NOT ${none}`).where('enf_officer.cert_valid_until', '>', c!.warnUntil))
    .$if(!!f.q, (q) => {
      const like = containsPattern(f.q!);
      return q.where((eb) => eb.or([eb('enf_officer.name', 'ilike', like), eb('enf_officer.cert_no', 'ilike', like)]));
    });
}

/**
 * The officer list, by unit then name (as the unpaged list) unless sorted: a page and the filtered total, how
 * many (the export's cap is checked on it), every officer the filters give in the list's order (its export).
 */
export const {
  page: pageOfficers,
  count: countOfficers,
  rows: officersForExport,
} = listQueries({
  filtered: filteredOfficers,
  sortable: OFFICER_SORTABLE,
  tieBreaker: 'enf_officer.id',
  order: (q) => q.orderBy('org.sort').orderBy('enf_officer.name').orderBy('enf_officer.id'),
});

/** The item catalogue is the bureau's reference data: every user of the tenant reads all of it. */
export function listItems(db: Kysely<KernelDB>, tenantId: string) {
  return enf(db).selectFrom('enf_item').selectAll().where('tenant_id', '=', tenantId).orderBy('code').execute();
}

export function getItem(db: Kysely<KernelDB>, tenantId: string, id: string) {
  if (!isUuid(id)) return Promise.resolve(undefined);
  return enf(db).selectFrom('enf_item').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export interface ClueFilter {
  status?: string;
  source?: string;
  orgId?: string;
  year?: number;
  /** 线索编号, 内容, 地点 or 涉嫌当事人, anywhere in it, as typed. */
  q?: string;
  /** A column of {@link CLUE_SORTABLE} and the direction; absent: the newest received first. */
  sort?: ListSort<keyof typeof CLUE_SORTABLE>;
}

/** The columns a clue list may be sorted on, each served by an index of `enf_clue`. */
export const CLUE_SORTABLE = {
  clueNo: { column: 'enf_clue.clue_no', label: '线索编号' },
  receivedOn: { column: 'enf_clue.received_on', label: '收到日期' },
} as const satisfies SortWhitelist;

/** Clues in the actor's scope with their unit's name and kind (what the list and the record show). */
function scopedClues(db: Kysely<KernelDB>, actor: Actor) {
  return enf(db)
    .selectFrom('enf_clue')
    .innerJoin('org', (j) => j.onRef('org.tenant_id', '=', 'enf_clue.tenant_id').onRef('org.id', '=', 'enf_clue.org_id'))
    .selectAll('enf_clue')
    .select(['org.name as org_name', 'org.kind as org_kind'])
    .$call(withDataScope(actor, 'enf_clue'));
}

/** Clues in the actor's scope matching a list's filters (unordered). */
function filteredClues({ db, actor }: Reader, f: ClueFilter) {
  return scopedClues(db, actor)
    .$if(!!f.status, (q) => q.where('enf_clue.status', '=', f.status as ClueStage))
    .$if(!!f.source, (q) => q.where('enf_clue.source', '=', f.source!))
    .$if(!!f.orgId, (q) => q.where('enf_clue.org_id', '=', f.orgId!))
    .$if(!!f.year, (q) => q.where('enf_clue.received_on', '>=', `${f.year}-01-01`).where('enf_clue.received_on', '<=', `${f.year}-12-31`))
    .$if(!!f.q, (q) =>
      q.where((eb) => {
        const like = containsPattern(f.q!);
        return eb.or([
          eb('enf_clue.clue_no', 'like', like),
          eb('enf_clue.summary', 'like', like),
          eb('enf_clue.location', 'like', like),
          eb('enf_clue.party_name', 'like', like),
        ]);
      }),
    );
}

/**
 * The clue list, the newest received first (then by number) unless sorted: at most 2,000 (the pickers' list), a
 * page and the filtered total, how many, every clue the filters give in the list's order (its export).
 */
export const {
  list: listClues,
  page: pageClues,
  count: countClues,
  rows: cluesForExport,
} = listQueries({
  filtered: filteredClues,
  sortable: CLUE_SORTABLE,
  tieBreaker: 'enf_clue.id',
  order: (q) => q.orderBy('enf_clue.received_on', 'desc').orderBy('enf_clue.clue_no', 'desc'),
});

export function getClue(db: Kysely<KernelDB>, actor: Actor, id: string) {
  if (!isUuid(id)) return Promise.resolve(undefined);
  return scopedClues(db, actor).where('enf_clue.id', '=', id).executeTakeFirst();
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
  return enf(db)
    .selectFrom('enf_review')
    .innerJoin('org', (j) => j.onRef('org.tenant_id', '=', 'enf_review.tenant_id').onRef('org.id', '=', 'enf_review.org_id'))
    .selectAll('enf_review')
    .select(['org.name as org_name'])
    .$call(withDataScope(actor, 'enf_review'))
    .where('enf_review.id', '=', id)
    .executeTakeFirst();
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

/** Next serial for a number prefix in a year (e.g. clue or case numbers): the series is the table's column and the prefix. */
export async function nextSerial(
  db: Kysely<KernelDB>,
  tenantId: string,
  { table, column, prefix }: { table: 'enf_case' | 'enf_clue'; column: 'case_no' | 'clue_no' | 'decision_no'; prefix: string },
): Promise<number> {
  // Two people numbering the same series at once: the second waits for the first's transaction to end (the lock
  // is held until then) and then reads its number, so both get their own number instead of one a 409.
  if (!db.isTransaction) throw new Error('nextSerial numbers inside the write that inserts the number (its lock lasts until commit)');
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`${table}.${column}`}), hashtext(${`${tenantId}/${prefix}`}))`.execute(db);
  const { rows } = await sql<{ max: string | null }>`
    SELECT max((substring(${sql.ref(column)} FROM ${'(\\d+)号?$'}))::numeric) AS max
    FROM ${sql.table(table)}
    WHERE tenant_id = ${tenantId} AND ${sql.ref(column)} LIKE ${`${prefix.replace(/[\\%_]/g, '\\$&')}%`}`.execute(db);
  return Number(rows[0]?.max ?? 0) + 1;
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

// ── Look-ups by key within a tenant (writes check the actor's scope themselves) ──

const anyOf = (column: string, values: readonly string[], type: 'uuid' | 'text') =>
  sql<boolean>`${sql.ref(column)} = ANY(${sql.val([...values])}::${sql.raw(type)}[])`;

/** Orgs by id (a write's units; not scoped: the command checks the actor's scope). */
export function orgsByIds(db: Kysely<KernelDB>, tenantId: string, ids: readonly string[]) {
  return db
    .selectFrom('org')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where(anyOf('id', ids, 'uuid'))
    .execute();
}

/** One org of the tenant by id (e.g. a transfer's receiving unit). */
export function orgById(db: Kysely<KernelDB>, tenantId: string, id: string) {
  if (!isUuid(id)) return Promise.resolve(undefined);
  return db.selectFrom('org').select(['id', 'kind', 'name']).where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

/** The tenant's streets in the actor's scope, in the org order. */
export function streetsInScope(db: Kysely<KernelDB>, actor: Actor) {
  return db
    .selectFrom('org')
    .select(['id', 'name'])
    .where('tenant_id', '=', actor.tenantId)
    .where('kind', '=', 'street')
    .$if(!actor.scope.all, (q) => q.where('id', 'in', actor.scope.all ? [] : [...actor.scope.orgIds]))
    .orderBy('sort')
    .execute();
}

export function itemsByIds(db: Kysely<KernelDB>, tenantId: string, ids: readonly string[]) {
  return enf(db)
    .selectFrom('enf_item')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where(anyOf('id', ids, 'uuid'))
    .execute();
}

/** Items known by code or id (the catalogue's write path). */
export function itemsByCodesOrIds(db: Kysely<KernelDB>, tenantId: string, codes: readonly string[], ids: readonly string[]) {
  return enf(db)
    .selectFrom('enf_item')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where((eb) => eb.or([anyOf('code', codes, 'text'), sql<boolean>`id::text = ANY(${sql.val([...ids])}::text[])`]))
    .execute();
}

/** The item codes of the tenant (imports). */
export function itemCodes(db: Kysely<KernelDB>, tenantId: string) {
  return enf(db).selectFrom('enf_item').select(['id', 'code']).where('tenant_id', '=', tenantId).execute();
}

/** Officers known by certificate, id or name (the officers' write path). */
export function officersByCertsIdsOrNames(
  db: Kysely<KernelDB>,
  tenantId: string,
  k: { certs: readonly string[]; ids: readonly string[]; names: readonly string[] },
) {
  return enf(db)
    .selectFrom('enf_officer')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where((eb) => eb.or([anyOf('cert_no', k.certs, 'text'), sql<boolean>`id::text = ANY(${sql.val([...k.ids])}::text[])`, anyOf('name', k.names, 'text')]))
    .execute();
}

/** The unit an officer belongs to (undefined: no such officer). */
export async function officerOrgId(db: Kysely<KernelDB>, tenantId: string, id: string): Promise<string | undefined> {
  if (!isUuid(id)) return undefined;
  return (await enf(db).selectFrom('enf_officer').select('org_id').where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst())?.org_id;
}

/** Every officer of the tenant with what an import matches on. */
export function officerNames(db: Kysely<KernelDB>, tenantId: string) {
  return enf(db).selectFrom('enf_officer').select(['id', 'name', 'org_id', 'cert_no', 'cert_valid_until']).where('tenant_id', '=', tenantId).execute();
}

/** The active officers of a tenant with their unit (the public 事前公开 page). */
export function publicOfficers(db: Kysely<KernelDB>, tenantId: string) {
  return enf(db)
    .selectFrom('enf_officer')
    .innerJoin('org', (j) => j.onRef('org.tenant_id', '=', 'enf_officer.tenant_id').onRef('org.id', '=', 'enf_officer.org_id'))
    .select(['enf_officer.name', 'enf_officer.cert_no', 'enf_officer.cert_valid_until', 'org.name as org_name', 'org.kind as org_kind'])
    .where('enf_officer.tenant_id', '=', tenantId)
    .where('enf_officer.active', '=', true)
    .orderBy('org.sort')
    .orderBy('enf_officer.name')
    .execute();
}

export function casesByIds(db: Kysely<KernelDB>, tenantId: string, ids: readonly string[]) {
  return enf(db)
    .selectFrom('enf_case')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where(anyOf('id', ids, 'uuid'))
    .execute();
}

export function casesByNos(db: Kysely<KernelDB>, tenantId: string, caseNos: readonly string[]) {
  return enf(db)
    .selectFrom('enf_case')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where(anyOf('case_no', caseNos, 'text'))
    .execute();
}

/** Whether a case number is taken in the tenant. */
export async function caseNoTaken(db: Kysely<KernelDB>, tenantId: string, caseNo: string): Promise<boolean> {
  return !!(await enf(db).selectFrom('enf_case').select('id').where('tenant_id', '=', tenantId).where('case_no', '=', caseNo).executeTakeFirst());
}

/** The files uploaded to a case, oldest first (its archive's 附件). */
export function caseAttachments(db: Kysely<KernelDB>, tenantId: string, caseId: string) {
  return db
    .selectFrom('attachment')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('entity', '=', 'enforcement.case')
    .where('entity_id', '=', caseId)
    .orderBy('created_at')
    .execute();
}

/** The bureau's payment place for fines (one per tenant; undefined until configured), locked when `lock`. */
export function getPaymentPlace(db: Kysely<KernelDB>, tenantId: string, lock = false) {
  return enf(db)
    .selectFrom('enf_payment_place')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .$if(lock, (q) => q.forUpdate())
    .executeTakeFirst();
}

export function insertPaymentPlace(db: Kysely<KernelDB>, values: Insertable<EnfTables['enf_payment_place']>) {
  return enf(db).insertInto('enf_payment_place').values(values).returningAll().executeTakeFirstOrThrow();
}

/** Cases with their unit's name in the actor's scope, oldest first (the penalty-cases ledger's export). */
export function casesForExport(db: Kysely<KernelDB>, actor: Actor, list?: CaseFilter) {
  if (list) return caseList.rows({ db, actor }, list);
  return enf(db)
    .selectFrom('enf_case')
    .innerJoin('org', (j) => j.onRef('org.tenant_id', '=', 'enf_case.tenant_id').onRef('org.id', '=', 'enf_case.org_id'))
    .selectAll('enf_case')
    .select('org.name as org_name')
    .$call(withDataScope(actor, 'enf_case'))
    .orderBy('enf_case.filed_on')
    .orderBy('enf_case.case_no')
    .execute();
}

/** The closed cases of a unit in a year (案卷评查's population). */
export function closedCasesOf(db: Kysely<KernelDB>, tenantId: string, orgId: string, year: number) {
  return enf(db)
    .selectFrom('enf_case')
    .select(['id', 'case_no as caseNo'])
    .where('tenant_id', '=', tenantId)
    .where('org_id', '=', orgId)
    .where('closed_on', '>=', `${year}-01-01`)
    .where('closed_on', '<=', `${year}-12-31`)
    .execute();
}

// ── Clues ──

/** One clue of the tenant by id, unscoped (立案 checks the actor's scope itself). */
export function clueById(db: Kysely<KernelDB>, tenantId: string, id: string) {
  if (!isUuid(id)) return Promise.resolve(undefined);
  return enf(db).selectFrom('enf_clue').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export function insertClue(db: Kysely<KernelDB>, values: Insertable<EnfTables['enf_clue']>) {
  return enf(db).insertInto('enf_clue').values(values).returningAll().executeTakeFirstOrThrow();
}

// ── 案卷评查 ──

export function insertReview(db: Kysely<KernelDB>, values: Insertable<EnfTables['enf_review']>) {
  return enf(db).insertInto('enf_review').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function insertReviewItems(db: Kysely<KernelDB>, values: Insertable<EnfTables['enf_review_item']>[]) {
  if (values.length) await enf(db).insertInto('enf_review_item').values(values).execute();
}

export function getReviewItem(db: Kysely<KernelDB>, tenantId: string, reviewId: string, itemId: string) {
  if (!isUuid(itemId)) return Promise.resolve(undefined);
  return enf(db)
    .selectFrom('enf_review_item')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('review_id', '=', reviewId)
    .where('id', '=', itemId)
    .executeTakeFirst();
}

/** The scores given in a year in the actor's scope (the comparison of streets). */
export function reviewScoresOfYear(db: Kysely<KernelDB>, actor: Actor, year: number) {
  return enf(db)
    .selectFrom('enf_review_item')
    .select(['org_id', 'score', 'scored_on'])
    .$call(withDataScope(actor))
    .where('score', 'is not', null)
    .where('scored_on', '>=', `${year}-01-01`)
    .where('scored_on', '<=', `${year}-12-31`)
    .execute();
}

// ── 法制审核人员 (行政处罚法第五十八条第二款) ──

/** The legal reviewers of the tenant with their 法律职业资格, by name. */
/**
 * The legal reviewers: every active account holding the legal role, with its reviewer record when
 * one was registered (a qualification recorded or not), and records of accounts that no longer
 * hold the role — so the list shows who may review and who still lacks a recorded qualification.
 */
export function listLegalReviewers(db: Kysely<KernelDB>, tenantId: string) {
  return enf(db)
    .selectFrom('app_user')
    .fullJoin('enf_legal_reviewer', (j) =>
      j.onRef('enf_legal_reviewer.tenant_id', '=', 'app_user.tenant_id').onRef('enf_legal_reviewer.user_id', '=', 'app_user.id'),
    )
    .select((eb) => [
      'enf_legal_reviewer.id',
      eb.fn.coalesce('enf_legal_reviewer.user_id', 'app_user.id').as('user_id'),
      eb.fn.coalesce('enf_legal_reviewer.name', 'app_user.display_name').as('name'),
      'enf_legal_reviewer.qualification_no',
      'enf_legal_reviewer.qualified_on',
      'enf_legal_reviewer.version',
    ])
    .where((eb) =>
      eb.or([
        eb('enf_legal_reviewer.tenant_id', '=', tenantId),
        eb.and([eb('app_user.tenant_id', '=', tenantId), eb(sql.lit('legal'), '=', eb.fn.any('app_user.roles'))]),
      ]),
    )
    .orderBy('name')
    .execute();
}

/** One user's reviewer record (undefined: never registered), locked when `lock` (the write that changes it). */
export function legalReviewerOf(db: Kysely<KernelDB>, tenantId: string, userId: string, lock = false) {
  if (!isUuid(userId)) return Promise.resolve(undefined);
  return enf(db)
    .selectFrom('enf_legal_reviewer')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .$if(lock, (q) => q.forUpdate())
    .executeTakeFirst();
}

export function insertLegalReviewer(db: Kysely<KernelDB>, values: Insertable<EnfTables['enf_legal_reviewer']>) {
  return enf(db).insertInto('enf_legal_reviewer').values(values).returningAll().executeTakeFirstOrThrow();
}

/** How many cases carry a 法制审核 by this user dated on or before `on` (this case's earlier one included): "first-time" is none. */
export async function earlierReviewsBy(db: Kysely<KernelDB>, tenantId: string, { userId, on }: { userId: string; on: string }) {
  const r = await enf(db)
    .selectFrom('enf_case')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('review_by_user_id', '=', userId)
    .where('review_on', '<=', on)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** A user account of the tenant that may review (holds the legal role): the reviewer register's person. */
export function reviewerAccount(db: Kysely<KernelDB>, tenantId: string, userId: string) {
  if (!isUuid(userId)) return Promise.resolve(undefined);
  return db
    .selectFrom('app_user')
    .select(['id', 'display_name', 'org_id', 'roles'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', userId)
    .executeTakeFirst();
}

/** Each reviewer's number of recorded 法制审核 (cases whose review is theirs). */
export async function reviewCountsBy(db: Kysely<KernelDB>, tenantId: string) {
  const rows = await enf(db)
    .selectFrom('enf_case')
    .select(['review_by_user_id', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.min('review_on').as('first')])
    .where('tenant_id', '=', tenantId)
    .where('review_by_user_id', 'is not', null)
    .groupBy('review_by_user_id')
    .execute();
  return new Map(rows.map((r) => [r.review_by_user_id!, { n: Number(r.n), first: r.first as string | null }]));
}

// ── Undoing an import (undo.ts) ──

/** Case numbers (at most 6) of the cases among `ids` drawn into a 案卷评查. */
export async function reviewedCaseNos(db: Kysely<KernelDB>, tenantId: string, ids: readonly string[]): Promise<Array<{ case_no: string }>> {
  if (!ids.length) return [];
  const r = await sql<{ case_no: string }>`SELECT DISTINCT c.case_no FROM enf_review_item r JOIN enf_case c ON c.tenant_id = r.tenant_id AND c.id = r.case_id
    WHERE r.tenant_id = ${tenantId} AND r.case_id = ANY(${sql.val([...ids])}::uuid[]) ORDER BY 1 LIMIT 6`.execute(db);
  return r.rows;
}

/** Case numbers (at most 6) of the cases referring to any of `ids` as their item or one of their officers. */
export async function caseNosReferring(
  db: Kysely<KernelDB>,
  tenantId: string,
  ref: { column: 'item_id' | 'officer_ids'; ids: readonly string[] },
): Promise<Array<{ case_no: string }>> {
  if (!ref.ids.length) return [];
  const ids = sql.val([...ref.ids]);
  const cond = ref.column === 'item_id' ? sql`item_id = ANY(${ids}::uuid[])` : sql`officer_ids && ${ids}::uuid[]`;
  const r = await sql<{ case_no: string }>`SELECT case_no FROM enf_case WHERE tenant_id = ${tenantId} AND ${cond} ORDER BY case_no LIMIT 6`.execute(db);
  return r.rows;
}

/** The cases with these ids and their unit's name (one array parameter, however many). */
export function casesWithOrgByIds(db: Kysely<KernelDB>, tenantId: string, ids: readonly string[]) {
  return enf(db)
    .selectFrom('enf_case')
    .innerJoin('org', (j) => j.onRef('org.tenant_id', '=', 'enf_case.tenant_id').onRef('org.id', '=', 'enf_case.org_id'))
    .selectAll('enf_case')
    .select('org.name as org_name')
    .where('enf_case.tenant_id', '=', tenantId)
    .where(sql<boolean>`enf_case.id = ANY(${sql.val([...ids])}::uuid[])`)
    .execute();
}

// ── 现场取证 (field captures) ──

/** A field capture by its client idempotency key, with its evidence and file (undefined when none). */
export function captureByKey(db: Kysely<KernelDB>, tenantId: string, key: string) {
  return captureRows(db, tenantId).where('c.key', '=', key).executeTakeFirst();
}

/** A case's field captures in capture order (device time, then receipt). */
export function capturesOfCase(db: Kysely<KernelDB>, tenantId: string, caseId: string) {
  return captureRows(db, tenantId).where('c.case_id', '=', caseId).orderBy('c.captured_at').orderBy('c.received_at').execute();
}

function captureRows(db: Kysely<KernelDB>, tenantId: string) {
  return enf(db)
    .selectFrom('enf_field_capture as c')
    .innerJoin('enf_evidence as e', (j) => j.onRef('e.tenant_id', '=', 'c.tenant_id').onRef('e.id', '=', 'c.evidence_id'))
    .innerJoin('attachment as a', (j) => j.onRef('a.tenant_id', '=', 'c.tenant_id').onRef('a.id', '=', 'c.attachment_id'))
    .select([
      'c.id',
      'c.key',
      'c.case_id',
      'c.org_id',
      'c.evidence_id',
      'c.attachment_id',
      'c.sha256',
      'c.captured_at',
      'c.received_at',
      'c.lat',
      'c.lng',
      'c.accuracy_m',
      'e.kind',
      'e.title',
      'e.note',
      'a.filename',
      'a.mime',
      'a.size',
    ])
    .where('c.tenant_id', '=', tenantId);
}

/** The evidence registered with an attachment of a case (the one a capture just added). */
export async function evidenceOfAttachment(db: Kysely<KernelDB>, tenantId: string, attachmentId: string): Promise<string | undefined> {
  const r = await enf(db)
    .selectFrom('enf_evidence')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('attachment_id', '=', attachmentId)
    .executeTakeFirst();
  return r?.id;
}

/** Records a field capture; its id. */
export async function insertCapture(db: Kysely<KernelDB>, values: Insertable<EnfTables['enf_field_capture']>): Promise<string> {
  return (await enf(db).insertInto('enf_field_capture').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

/** Locks a case's row for the rest of the transaction (serialises captures of one case); whether it exists. */
export async function lockCase(db: Kysely<KernelDB>, tenantId: string, id: string): Promise<boolean> {
  if (!isUuid(id)) return false;
  return !!(await enf(db).selectFrom('enf_case').select('id').where('tenant_id', '=', tenantId).where('id', '=', id).forUpdate().executeTakeFirst());
}

// ── The demo bureau's bulk loads (demo.ts) ──

/** Inserts catalogue items; what the demo pairs the cases with. */
export function insertItems(db: Kysely<KernelDB>, rows: Insertable<EnfTables['enf_item']>[]) {
  return enf(db).insertInto('enf_item').values(rows).returning(['id', 'code', 'name', 'delegated', 'penalty_basis']).execute();
}

/** Inserts officers; their ids, units and names. */
export function insertOfficers(db: Kysely<KernelDB>, rows: Insertable<EnfTables['enf_officer']>[]) {
  return enf(db).insertInto('enf_officer').values(rows).returning(['id', 'org_id', 'name']).execute();
}

/** Inserts cases; the inserted rows. */
export function insertCases(db: Kysely<KernelDB>, rows: Insertable<EnfTables['enf_case']>[]) {
  return enf(db).insertInto('enf_case').values(rows).returningAll().execute();
}

/** Inserts evidence rows (none: nothing). */
export async function insertEvidenceRows(db: Kysely<KernelDB>, rows: Insertable<EnfTables['enf_evidence']>[]): Promise<void> {
  if (rows.length) await enf(db).insertInto('enf_evidence').values(rows).execute();
}

/** Inserts clues; their ids, units, numbers, cases and sources. */
export function insertClues(db: Kysely<KernelDB>, rows: Insertable<EnfTables['enf_clue']>[]) {
  return enf(db).insertInto('enf_clue').values(rows).returning(['id', 'org_id', 'clue_no', 'case_id', 'source']).execute();
}

/** Sets every case's `clue_id` of the tenant to a clue that became it (null where none did). */
export async function linkCasesToClues(db: Kysely<KernelDB>, tenantId: string): Promise<void> {
  await enf(db)
    .updateTable('enf_case')
    .set((eb) => ({
      clue_id: eb
        .selectFrom('enf_clue')
        .select('enf_clue.id')
        .whereRef('enf_clue.tenant_id', '=', 'enf_case.tenant_id')
        .whereRef('enf_clue.case_id', '=', 'enf_case.id')
        .limit(1),
    }))
    .where('tenant_id', '=', tenantId)
    .execute();
}
