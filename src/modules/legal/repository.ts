import { type Insertable, type Kysely, sql } from 'kysely';
import type { KernelDB } from '../../core/db/types.js';
import type { Ctx } from '../../core/context.js';
import { withDataScope } from '../../core/scope.js';
import { containsPattern, type ListSort, listQueries, type SortWhitelist } from '../../core/lists.js';
import type { AdviceKind, DocumentKind, LegalTables } from './schema.js';

const t = (db: Kysely<KernelDB>) => db.withTables<LegalTables>();

export const listContracts = (ctx: Ctx) =>
  t(ctx.db).selectFrom('legal_contract').selectAll().$call(withDataScope(ctx.actor)).orderBy('start_on', 'desc').execute();
export const getContract = (db: Kysely<KernelDB>, ctx: Ctx, id: string) =>
  t(db).selectFrom('legal_contract').selectAll().$call(withDataScope(ctx.actor)).where('id', '=', id).executeTakeFirst();

/** Where a contract's term stands on a day: in force (起止日期 cover it), ended, or not yet begun. */
export type ContractTerm = 'current' | 'ended' | 'upcoming';

/** The contract list's filters (顾问合同 on the one list component). */
export interface ContractFilter {
  /** The year the term begins (起始日期). */
  year?: number;
  /** Where the term stands on `today`. */
  term?: ContractTerm;
  today: string;
  /** A 顾问单位, 合同编号 or 顾问律师, anywhere in it (as typed: % and _ are characters). */
  q?: string;
  /** A column of {@link CONTRACT_SORTABLE} and the direction; absent: the latest begun first. */
  sort?: ListSort<keyof typeof CONTRACT_SORTABLE>;
}

/** The columns a contract list may be sorted on, each served by an index of `legal_contract` (0001's UNIQUE, 0003). */
export const CONTRACT_SORTABLE = {
  contractNo: { column: 'contract_no', label: '合同编号' },
  firm: { column: 'firm', label: '顾问单位' },
  startOn: { column: 'start_on', label: '起始日期' },
  endOn: { column: 'end_on', label: '截止日期' },
} as const satisfies SortWhitelist;

/** Contracts in the actor's scope matching a list's filters (unordered). */
const filteredContracts = (ctx: Ctx, f: ContractFilter) =>
  t(ctx.db)
    .selectFrom('legal_contract')
    .selectAll()
    .$call(withDataScope(ctx.actor))
    .$if(!!f.year, (q) => q.where('start_on', '>=', `${f.year}-01-01`).where('start_on', '<=', `${f.year}-12-31`))
    .$if(f.term === 'current', (q) => q.where('start_on', '<=', f.today).where('end_on', '>=', f.today))
    .$if(f.term === 'ended', (q) => q.where('end_on', '<', f.today))
    .$if(f.term === 'upcoming', (q) => q.where('start_on', '>', f.today))
    .$if(!!f.q, (q) => {
      const like = containsPattern(f.q!);
      return q.where((eb) => eb.or([eb('firm', 'ilike', like), eb('contract_no', 'ilike', like), eb('lawyers', 'ilike', like)]));
    });

/**
 * The contract list, the latest begun first unless sorted: a page and the filtered total, how many (the export's
 * cap is checked on it before any row is read), and the list's export (exactly the list's rows, in its order).
 */
export const {
  page: pageContracts,
  count: countContracts,
  rows: contractsForExport,
} = listQueries({
  filtered: filteredContracts,
  sortable: CONTRACT_SORTABLE,
  tieBreaker: 'id',
  order: (q) => q.orderBy('start_on', 'desc').orderBy('contract_no'),
});

/** The work-record list's filters (法律顾问工作台账 on the one list component). */
export interface AdviceFilter {
  /** The year of 日期. */
  year?: number;
  kind?: AdviceKind;
  /** A 事项名称, 承办人 or 顾问单位, anywhere in it (as typed: % and _ are characters). */
  q?: string;
  /** A column of {@link ADVICE_SORTABLE} and the direction; absent: the newest first. */
  sort?: ListSort<keyof typeof ADVICE_SORTABLE>;
}

/** The columns a work-record list may be sorted on, each served by an index of `legal_advice` (0001, 0003). */
export const ADVICE_SORTABLE = {
  date: { column: 'date', label: '日期' },
  kind: { column: 'kind', label: '类型' },
  title: { column: 'title', label: '事项名称' },
} as const satisfies SortWhitelist;

/** Work records in the actor's scope matching a list's filters (unordered). */
const filteredAdvice = (ctx: Ctx, f: AdviceFilter) =>
  t(ctx.db)
    .selectFrom('legal_advice')
    .$call(withDataScope(ctx.actor))
    .$if(!!f.year, (q) => q.where('date', '>=', `${f.year}-01-01`).where('date', '<=', `${f.year}-12-31`))
    .$if(!!f.kind, (q) => q.where('kind', '=', f.kind!))
    .$if(!!f.q, (q) => {
      const like = containsPattern(f.q!);
      return q.where((eb) => eb.or([eb('title', 'ilike', like), eb('handler', 'ilike', like), eb('firm', 'ilike', like)]));
    });

/** The work-record list (every column of the filtered records), the newest first unless sorted. */
const adviceList = listQueries({
  filtered: (ctx: Ctx, f: AdviceFilter) => filteredAdvice(ctx, f).selectAll(),
  sortable: ADVICE_SORTABLE,
  tieBreaker: 'id',
  order: (q) => q.orderBy('date', 'desc').orderBy('id'),
});

/** A page of the work records in the actor's scope (newest first unless sorted), with the filtered total and its counts by kind. */
export async function listAdvice(ctx: Ctx, f: AdviceFilter & { limit?: number; offset?: number }) {
  const [{ rows, total }, counts] = await Promise.all([
    adviceList.page(ctx, { ...f, limit: f.limit ?? 50, offset: f.offset ?? 0 }),
    filteredAdvice(ctx, f)
      .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('kind')
      .execute(),
  ]);
  return { rows, total, byKind: Object.fromEntries(counts.map((c) => [c.kind, Number(c.n)])) };
}
/** How many work records a list's filters give (the export's cap is checked on it before any row is read). */
export const countAdvice = adviceList.count;
export const getAdvice = (db: Kysely<KernelDB>, ctx: Ctx, id: string) =>
  t(db).selectFrom('legal_advice').selectAll().$call(withDataScope(ctx.actor)).where('id', '=', id).executeTakeFirst();

const docs = (db: Kysely<KernelDB>, ctx: Ctx) =>
  t(db)
    .selectFrom('legal_document as d')
    .innerJoin('org as o', (j) => j.onRef('o.tenant_id', '=', 'd.tenant_id').onRef('o.id', '=', 'd.org_id'))
    .selectAll('d')
    .select('o.name as org_name')
    .$call(withDataScope(ctx.actor, 'd'));
export const listDocuments = (ctx: Ctx, f: { year?: number; kind?: DocumentKind }) => {
  let q = docs(ctx.db, ctx);
  if (f.year) q = q.where('d.submitted_on', '>=', `${f.year}-01-01`).where('d.submitted_on', '<=', `${f.year}-12-31`);
  if (f.kind) q = q.where('d.kind', '=', f.kind);
  return q.orderBy('d.submitted_on', 'desc').execute();
};
export const getDocument = (db: Kysely<KernelDB>, ctx: Ctx, id: string) => docs(db, ctx).where('d.id', '=', id).executeTakeFirst();

/** A document's stage (its `status` column). */
export type DocumentStatus = LegalTables['legal_document']['status'];

/** The document list's filters (规范性文件与合法性审查 on the one list component). */
export interface DocumentFilter {
  /** The year of 送审日期 (a normative document's: its drafting date). */
  year?: number;
  kind?: DocumentKind;
  status?: DocumentStatus;
  orgId?: string;
  /** A 文号 or 名称, anywhere in it (as typed: % and _ are characters). */
  q?: string;
  /** A column of {@link DOCUMENT_SORTABLE} and the direction; absent: the newest submitted first. */
  sort?: ListSort<keyof typeof DOCUMENT_SORTABLE>;
}

/** The columns a document list may be sorted on, each served by an index of `legal_document` (0003). */
export const DOCUMENT_SORTABLE = {
  submittedOn: { column: 'd.submitted_on', label: '送审日期' },
  reviewedOn: { column: 'd.reviewed_on', label: '审查日期' },
  issuedOn: { column: 'd.issued_on', label: '公布/决策日期' },
  docNo: { column: 'd.doc_no', label: '文号' },
  title: { column: 'd.title', label: '名称' },
} as const satisfies SortWhitelist;

/** Documents in the actor's scope matching a list's filters (unordered). */
const filteredDocuments = <QB extends ReturnType<typeof docs>>(q: QB, f: DocumentFilter): QB =>
  q
    .$if(!!f.year, (x) => x.where('d.submitted_on', '>=', `${f.year}-01-01`).where('d.submitted_on', '<=', `${f.year}-12-31`))
    .$if(!!f.kind, (x) => x.where('d.kind', '=', f.kind!))
    .$if(!!f.status, (x) => x.where('d.status', '=', f.status!))
    .$if(!!f.orgId, (x) => x.where('d.org_id', '=', f.orgId!))
    .$if(!!f.q, (x) => {
      const like = containsPattern(f.q!);
      return x.where((eb) => eb.or([eb('d.doc_no', 'ilike', like), eb('d.title', 'ilike', like)]));
    }) as QB;

/** The document list's own order (the page's and the export's, which reads the latest cleanup too): the newest submitted first. */
const newestSubmitted = <QB extends ReturnType<typeof docs>>(q: QB): QB => q.orderBy('d.submitted_on', 'desc').orderBy('d.id') as QB;

/** A page of the documents in the actor's scope (newest submitted first unless sorted) with the filtered total; how many a list's filters give. */
export const { page: pageDocuments, count: countDocuments } = listQueries({
  filtered: (ctx: Ctx, f: DocumentFilter) => filteredDocuments(docs(ctx.db, ctx), f),
  sortable: DOCUMENT_SORTABLE,
  tieBreaker: 'd.id',
  order: (q) => newestSubmitted(q),
});

/** The document list's export: exactly the list's rows in its order, each with its latest cleanup. */
const normativeList = listQueries({
  filtered: (ctx: Ctx, f: DocumentFilter) => filteredDocuments(withLatestCleanup(docs(ctx.db, ctx)), f),
  sortable: DOCUMENT_SORTABLE,
  tieBreaker: 'd.id',
  order: (q) => newestSubmitted(q),
});

export const listAppraisals = (ctx: Ctx) =>
  t(ctx.db).selectFrom('legal_appraisal').selectAll().$call(withDataScope(ctx.actor)).orderBy('year', 'desc').execute();
export const getAppraisal = (db: Kysely<KernelDB>, ctx: Ctx, id: string) =>
  t(db).selectFrom('legal_appraisal').selectAll().$call(withDataScope(ctx.actor)).where('id', '=', id).executeTakeFirst();

// ── Writes and look-ups of the commands and the ledger (issue 12: SQL lives here) ──
type New<T extends keyof LegalTables> = Insertable<LegalTables[T]>;

/** Every contract of the tenant (a work record's firm defaults to the one whose term covers its date). */
export const tenantContracts = (db: Kysely<KernelDB>, tenantId: string) =>
  t(db).selectFrom('legal_contract').selectAll().where('tenant_id', '=', tenantId).execute();
export const contractNoTaken = async (db: Kysely<KernelDB>, tenantId: string, contractNo: string) =>
  !!(await t(db).selectFrom('legal_contract').select('id').where('tenant_id', '=', tenantId).where('contract_no', '=', contractNo).executeTakeFirst());
export const insertContract = (db: Kysely<KernelDB>, row: New<'legal_contract'>) =>
  t(db).insertInto('legal_contract').values(row).returningAll().executeTakeFirstOrThrow();

/** Work records by id, locked for the write that reads them. */
export const lockAdvice = (db: Kysely<KernelDB>, tenantId: string, ids: readonly string[]) =>
  t(db)
    .selectFrom('legal_advice')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where(sql<boolean>`id = ANY(${sql.val(ids)}::uuid[])`)
    .forUpdate()
    .execute();
/** The ids and natural keys of the work records on some dates (the ledger matches its rows on them). */
export const adviceOnDates = (db: Kysely<KernelDB>, tenantId: string, dates: readonly string[]) =>
  t(db)
    .selectFrom('legal_advice')
    .select(['id', 'date', 'kind', 'title'])
    .where('tenant_id', '=', tenantId)
    .where(sql<boolean>`date = ANY(${sql.val(dates)}::date[])`)
    .execute();
/**
 * The ledger's export: the work records in the actor's scope in the ledger's order (date, kind, title); with a
 * work-record list's filters (the list's export), exactly the list's rows in its order.
 */
export const adviceForExport = (ctx: Ctx, f?: AdviceFilter) =>
  f
    ? adviceList.rows(ctx, f)
    : t(ctx.db).selectFrom('legal_advice').selectAll().$call(withDataScope(ctx.actor)).orderBy('date').orderBy('kind').orderBy('title').execute();

export const insertDocument = (db: Kysely<KernelDB>, row: New<'legal_document'>) =>
  t(db).insertInto('legal_document').values(row).returning('id').executeTakeFirstOrThrow();

export const appraisalYearTaken = async (db: Kysely<KernelDB>, tenantId: string, year: number) =>
  !!(await t(db).selectFrom('legal_appraisal').select('id').where('tenant_id', '=', tenantId).where('year', '=', year).executeTakeFirst());
export const insertAppraisal = (db: Kysely<KernelDB>, row: New<'legal_appraisal'>) =>
  t(db).insertInto('legal_appraisal').values(row).returningAll().executeTakeFirstOrThrow();

// ── 行政规范性文件: numbering, cleanups, the public list ──
/** The next number of the year's series (统一编号): one more than the highest taken. */
export async function nextDocSeq(db: Kysely<KernelDB>, tenantId: string, year: number): Promise<number> {
  const r = await t(db)
    .selectFrom('legal_document')
    .select((eb) => eb.fn.max('doc_seq').as('n'))
    .where('tenant_id', '=', tenantId)
    .where('doc_year', '=', year)
    .executeTakeFirst();
  return Number(r?.n ?? 0) + 1;
}
/**
 * Takes the lock on a year's numbers (统一编号) until the transaction ends: a second publication of
 * the year waits for the first to commit, and then reads its number (no two documents share one).
 */
export async function lockDocNumbers(db: Kysely<KernelDB>, tenantId: string, year: number): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`legal.document.number:${tenantId}:${year}`}))`.execute(db);
}
/** The number's prefix the bureau used last (天水规 …), if any. */
export async function lastDocPrefix(db: Kysely<KernelDB>, tenantId: string): Promise<string | null> {
  const r = await t(db)
    .selectFrom('legal_document')
    .select('doc_no')
    .where('tenant_id', '=', tenantId)
    .where('kind', '=', '规范性文件')
    .where('doc_seq', 'is not', null)
    .orderBy('doc_year', 'desc')
    .orderBy('doc_seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const m = r?.doc_no ? /^(.+)〔\d{4}〕\d+号$/.exec(r.doc_no) : null;
  return m ? m[1]! : null;
}
export const insertCleanup = (db: Kysely<KernelDB>, row: New<'legal_document_cleanup'>) =>
  t(db).insertInto('legal_document_cleanup').values(row).returningAll().executeTakeFirstOrThrow();
/** A document's cleanups, oldest first. */
export const cleanupsOf = (db: Kysely<KernelDB>, tenantId: string, documentId: string) =>
  t(db)
    .selectFrom('legal_document_cleanup')
    .select(['id', 'cleaned_on', 'outcome', 'reason'])
    .where('tenant_id', '=', tenantId)
    .where('document_id', '=', documentId)
    .orderBy('cleaned_on')
    .orderBy('created_at')
    .execute();
/** The normative documents the public sees: every one published (in force, repealed or expired), newest first. */
export const publicNormative = (db: Kysely<KernelDB>, tenantId: string) =>
  t(db)
    .selectFrom('legal_document')
    .select(['id', 'title', 'doc_no', 'issued_on', 'valid_until', 'repealed_on'])
    .where('tenant_id', '=', tenantId)
    .where('kind', '=', '规范性文件')
    .where('status', 'in', ['published', 'repealed'])
    .orderBy('issued_on', 'desc')
    .orderBy('doc_year', 'desc')
    .orderBy('doc_seq', 'desc')
    .execute();

// ── 行政规范性文件登记台账 (the `normative-documents` ledger) ──
/** The normative documents a file names: by 统一编号, or (not yet numbered) by 文件名称; every column, for the write. */
export const normativeByNosOrTitles = (db: Kysely<KernelDB>, tenantId: string, k: { nos: readonly string[]; titles: readonly string[] }) =>
  t(db)
    .selectFrom('legal_document')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('kind', '=', '规范性文件')
    .where((eb) =>
      eb.or([
        eb(sql<string>`doc_no`, '=', sql<string>`ANY(${sql.val([...k.nos])}::text[])`),
        eb.and([eb('doc_no', 'is', null), eb(sql<string>`title`, '=', sql<string>`ANY(${sql.val([...k.titles])}::text[])`)]),
      ]),
    )
    .forUpdate()
    .execute();
/** The numbers taken in some years (统一编号: one per year and sequence, whatever the prefix). */
export const numbersOfYears = (db: Kysely<KernelDB>, tenantId: string, years: readonly number[]) =>
  t(db)
    .selectFrom('legal_document')
    .select(['id', 'title', 'doc_no', 'doc_year', 'doc_seq'])
    .where('tenant_id', '=', tenantId)
    .where(sql<boolean>`doc_year = ANY(${sql.val([...years])}::integer[])`)
    .where('doc_seq', 'is not', null)
    .execute();
/** The cleanups of some documents. */
export const cleanupsOfDocuments = (db: Kysely<KernelDB>, tenantId: string, ids: readonly string[]) =>
  t(db)
    .selectFrom('legal_document_cleanup')
    .select(['document_id', 'cleaned_on', 'outcome'])
    .where('tenant_id', '=', tenantId)
    .where(sql<boolean>`document_id = ANY(${sql.val([...ids])}::uuid[])`)
    .execute();
/** Removes the cleanups of documents an undo deletes. */
export const deleteCleanupsOf = (db: Kysely<KernelDB>, tenantId: string, ids: readonly string[]) =>
  t(db)
    .deleteFrom('legal_document_cleanup')
    .where('tenant_id', '=', tenantId)
    .where(sql<boolean>`document_id = ANY(${sql.val([...ids])}::uuid[])`)
    .execute();
/**
 * The ledger's export: the normative documents in the actor's scope with their unit and latest cleanup, in
 * the ledger's order; with a document list's filters (the list's export), exactly the list's rows in its order.
 */
export const normativeForExport = (ctx: Ctx, f?: DocumentFilter) => {
  if (f) return normativeList.rows(ctx, f);
  return withLatestCleanup(docs(ctx.db, ctx))
    .where('d.kind', '=', '规范性文件')
    .orderBy(sql`d.doc_year IS NULL`)
    .orderBy('d.doc_year')
    .orderBy('d.doc_seq')
    .orderBy('d.drafted_on')
    .orderBy('d.title')
    .execute();
};
/** Documents with their latest cleanup's date, outcome and reason. */
const withLatestCleanup = (q: ReturnType<typeof docs>) =>
  q
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('legal_document_cleanup')
          .distinctOn(['tenant_id', 'document_id'])
          .select(['tenant_id', 'document_id', 'cleaned_on', 'outcome', 'reason'])
          .orderBy('tenant_id')
          .orderBy('document_id')
          .orderBy('cleaned_on', 'desc')
          .orderBy('created_at', 'desc')
          .as('c'),
      (j) => j.onRef('c.tenant_id', '=', 'd.tenant_id').onRef('c.document_id', '=', 'd.id'),
    )
    .select(['c.cleaned_on', 'c.outcome as cleanup_outcome', 'c.reason as cleanup_reason']);

// ── The demo bureau's bulk loads (demo.ts) ──
/** Inserts contracts; the inserted rows. */
export const insertContracts = (db: Kysely<KernelDB>, rows: New<'legal_contract'>[]) =>
  t(db).insertInto('legal_contract').values(rows).returningAll().execute();
/** Inserts work records in one statement; the inserted rows. */
export const insertAdviceRows = (db: Kysely<KernelDB>, rows: New<'legal_advice'>[]) => t(db).insertInto('legal_advice').values(rows).returningAll().execute();
/** Inserts documents; the inserted rows. */
export const insertDocuments = (db: Kysely<KernelDB>, rows: New<'legal_document'>[]) =>
  t(db).insertInto('legal_document').values(rows).returningAll().execute();
