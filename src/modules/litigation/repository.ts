/** All of the litigation module's SQL (tests/kernel/layering.test.ts). */
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { KernelDB } from '../../core/db/types.js';
import type { Ctx } from '../../core/context.js';
import { withDataScope } from '../../core/scope.js';
import { insertMany, updateMany } from '../../core/db/bulk.js';
import { containsPattern, type ListSort, listQueries, type SortWhitelist } from '../../core/lists.js';
import type { ActKind, CaseKind, CaseStatus, LitigationTables } from './schema.js';

const t = (db: Kysely<KernelDB>) => db.withTables<LitigationTables>();

export type CaseRow = Selectable<LitigationTables['lit_case']>;
export type HearingRow = Selectable<LitigationTables['lit_hearing']>;
export type CaseWithOrg = CaseRow & { org_name: string | null };

const withOrg = (db: Kysely<KernelDB>, ctx: Pick<Ctx, 'actor'>) =>
  t(db)
    .selectFrom('lit_case as c')
    .leftJoin('org as o', (j) => j.onRef('o.tenant_id', '=', 'c.tenant_id').onRef('o.id', '=', 'c.org_id'))
    .selectAll('c')
    .select('o.name as org_name')
    .$call(withDataScope(ctx.actor, 'c'));

export interface CaseFilter {
  year?: number;
  kind?: CaseKind;
  actKind?: ActKind;
  status?: CaseStatus;
  orgId?: string;
  /** A 案号, the challenged act's title or the 复议机关/法院, anywhere in it (as typed: % and _ are characters). */
  q?: string;
  /** A column of {@link CASE_SORTABLE} and the direction; absent: the newest received first. */
  sort?: ListSort<keyof typeof CASE_SORTABLE>;
}

/** The columns a case list may be sorted on, each served by an index of `lit_case` (0001, 0003). */
export const CASE_SORTABLE = {
  caseNo: { column: 'c.case_no', label: '案号' },
  receivedOn: { column: 'c.received_on', label: '收案日期' },
  replyDueOn: { column: 'c.reply_due_on', label: '答复（答辩）期限' },
  outcomeOn: { column: 'c.outcome_on', label: '决定（裁判）日期' },
  closedOn: { column: 'c.closed_on', label: '结案日期' },
} as const satisfies SortWhitelist;

/** Cases in the actor's scope matching a list's filters (unordered). */
const filteredCases = (ctx: Ctx, f: CaseFilter) =>
  withOrg(ctx.db, ctx)
    .$if(!!f.year, (q) => q.where('c.received_on', '>=', `${f.year}-01-01`).where('c.received_on', '<=', `${f.year}-12-31`))
    .$if(!!f.kind, (q) => q.where('c.kind', '=', f.kind!))
    .$if(!!f.actKind, (q) => q.where('c.act_kind', '=', f.actKind!))
    .$if(!!f.status, (q) => q.where('c.status', '=', f.status!))
    .$if(!!f.orgId, (q) => q.where('c.org_id', '=', f.orgId!))
    .$if(!!f.q, (q) => {
      const like = containsPattern(f.q!);
      return q.where((eb) => eb.or([eb('c.case_no', 'ilike', like), eb('c.act_title', 'ilike', like), eb('c.body', 'ilike', like)]));
    });

/** The case list, the newest received first unless sorted. */
const caseList = listQueries({
  filtered: filteredCases,
  sortable: CASE_SORTABLE,
  tieBreaker: 'c.id',
  order: (q) => q.orderBy('c.received_on', 'desc').orderBy('c.case_no'),
});

/** A page of the cases in the actor's scope (newest received first unless sorted), with the filtered total. */
export async function listCases(ctx: Ctx, f: CaseFilter & { limit: number; offset: number }): Promise<{ rows: CaseWithOrg[]; total: number }> {
  const { rows, total } = await caseList.page(ctx, f);
  return { rows: rows as CaseWithOrg[], total };
}

/** How many cases a list's filters give (the export's cap is checked on it before any row is read). */
export const countCases = caseList.count;

/** One case in the actor's scope (undefined: none, or outside the scope). */
export const getCase = (db: Kysely<KernelDB>, ctx: Pick<Ctx, 'actor'>, id: string) =>
  withOrg(db, ctx).where('c.id', '=', id).executeTakeFirst() as Promise<CaseWithOrg | undefined>;

/** A case's hearings, in order. */
export const hearingsOf = (db: Kysely<KernelDB>, tenantId: string, caseId: string) =>
  t(db)
    .selectFrom('lit_hearing')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .orderBy('held_on')
    .orderBy('created_at')
    .execute();

export const insertHearing = (db: Kysely<KernelDB>, row: Insertable<LitigationTables['lit_hearing']>) =>
  t(db).insertInto('lit_hearing').values(row).returningAll().executeTakeFirstOrThrow();

/** Cases of the tenant by 案号 (whatever the actor's scope: a 案号 is unique in the tenant), locked for the save. */
export const casesByNo = (db: Kysely<KernelDB>, tenantId: string, caseNos: readonly string[]) =>
  caseNos.length
    ? t(db)
        .selectFrom('lit_case')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('case_no', 'in', [...caseNos])
        .forUpdate()
        .execute()
    : Promise.resolve([]);

/** The hearings of some cases (a ledger re-import compares them). */
export const hearingsOfCases = (db: Kysely<KernelDB>, tenantId: string, ids: readonly string[]) =>
  ids.length
    ? t(db)
        .selectFrom('lit_hearing')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('case_id', 'in', [...ids])
        .execute()
    : Promise.resolve([]);

export const insertCases = (db: Kysely<KernelDB>, rows: ReadonlyArray<Record<string, unknown>>) => insertMany(db, 'lit_case', rows);
export const updateCases = (db: Kysely<KernelDB>, rows: ReadonlyArray<Record<string, unknown>>) => updateMany(db, 'lit_case', ['tenant_id', 'id'], rows);
export const insertHearings = (db: Kysely<KernelDB>, rows: ReadonlyArray<Record<string, unknown>>) => insertMany(db, 'lit_hearing', rows);
/** Removes the hearings an import added (its undo). */
export const deleteImportedHearings = (db: Kysely<KernelDB>, tenantId: string, importId: string) =>
  t(db).deleteFrom('lit_hearing').where('tenant_id', '=', tenantId).where('import_id', '=', importId).execute();

/**
 * The ledger's export: every case in the actor's scope (oldest received first) with its hearings; with
 * a list's filters (the list's export), exactly the list's rows in its order.
 */
export async function casesForExport(ctx: Ctx, f?: CaseFilter): Promise<Array<CaseWithOrg & { hearings: HearingRow[] }>> {
  const rows = (await (f ? caseList.rows(ctx, f) : withOrg(ctx.db, ctx).orderBy('c.received_on').orderBy('c.case_no').execute())) as CaseWithOrg[];
  const hs = await hearingsOfCases(
    ctx.db,
    ctx.actor.tenantId,
    rows.map((r) => r.id),
  );
  const by = new Map<string, HearingRow[]>();
  for (const h of hs.sort((a, b) => a.held_on.localeCompare(b.held_on))) by.set(h.case_id, [...(by.get(h.case_id) ?? []), h]);
  return rows.map((r) => ({ ...r, hearings: by.get(r.id) ?? [] }));
}

// ── The demo bureau's loads (demo.ts) ──

/** The columns of the enforcement demo's cases the demo reads (to link and name the challenged decision). */
type PenaltyRead = {
  enf_case: {
    tenant_id: string;
    id: string;
    org_id: string;
    case_no: string;
    party_type: string;
    party_name: string;
    decision_no: string | null;
    served_on: string | null;
    revoked_on: string | null;
  };
};

/** The penalty decisions served on legal persons since a date and not revoked, by service date and case number. */
export const servedPenaltiesOnLegalPersons = (db: Kysely<KernelDB>, tenantId: string, since: string) =>
  db
    .withTables<PenaltyRead>()
    .selectFrom('enf_case')
    .select(['id', 'org_id', 'case_no', 'party_type', 'party_name', 'decision_no', 'served_on'])
    .where('tenant_id', '=', tenantId)
    .where('decision_no', 'is not', null)
    .where('served_on', 'is not', null)
    .where('revoked_on', 'is', null)
    .where('party_type', '=', '法人')
    .where('served_on', '>=', since)
    .orderBy('served_on')
    .orderBy('case_no')
    .execute();
