/**
 * The generic pieces of a module's record list (issue 14 item 4), shared by every list on the web's
 * one list component (RecordList): the query string's sort, order, page and page size; the sort
 * whitelist (only indexed columns, anything else refused naming `sort`); the order a chosen column
 * gives (then a unique column, so pages are stable); the page's limit and offset; the export of
 * exactly the filtered rows, capped at {@link LIST_EXPORT_CAP} rows with a 413 saying so. At scale
 * (issue #17): keyset pages — an opaque cursor of the last row's keys, `after=` reads on by a seek on
 * the order's index ({@link keysetPage}) —, page numbers only for the first {@link LIST_OFFSET_CAP}
 * rows, and the total counted up to {@link LIST_COUNT_CAP} ({@link countCapped}).
 *
 * A module keeps its own filters, its repository's query (in the caller's data scope) and its
 * ledger: this holds only what every list does the same way.
 */
import { type TProperties, Type } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { AnySelect, KernelDB } from './db/types.js';
import { AppError, errors } from './errors.js';
import { sendFile } from './http.js';
import type { LedgerSpec } from './ledger/spec.js';
import { writeCsv, writeXlsx } from './ledger/write.js';

/**
 * A list's sortable columns: the name the client sends → the (indexed) SQL column and its Chinese title;
 * with its SQL `type` (needed to page by cursor on it) and `notNull` (then no NULLS LAST, so a backward
 * scan of an ascending index serves the descending sort).
 */
export type SortWhitelist = Readonly<Record<string, { column: string; label: string; type?: KeyType; notNull?: boolean }>>;

/** A chosen sort: a column of the list's whitelist and the direction. */
export interface ListSort<K extends string = string> {
  column: K;
  order: 'asc' | 'desc';
}

/** Rows a list's total is counted up to: past it the total is said as "10,000+" (`totalCapped`), not counted. */
export const LIST_COUNT_CAP = 10_000;

/** The deepest row a page number reaches (`(page - 1) × pageSize`): further on, the list pages by cursor (`after`). */
export const LIST_OFFSET_CAP = 10_000;

/** Most rows one list export writes (the workbook is built in memory): a larger result is refused, saying so. */
export const LIST_EXPORT_CAP = 50_000;

/** The query-string fields of a sort on the whitelist's columns. */
function sortFields(sortable: SortWhitelist) {
  return {
    sort: Type.Optional(Type.String({ maxLength: 30, description: `排序列：${Object.keys(sortable).join('、')}` })),
    order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
  };
}

/** The query string of a list's page: its filters, `sort`/`order` and `page`/`pageSize` (at most 200). */
export function listQuerySchema<P extends TProperties>(filters: P, sortable: SortWhitelist) {
  return Type.Object({
    ...filters,
    ...sortFields(sortable),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    after: Type.Optional(Type.String({ maxLength: 600, description: '翻页游标：上一页返回的 cursor，读其后一页（此时不看 page）' })),
  });
}

/** What a keyset-paged list answers besides its rows: the capped total and the cursor of its last row. */
export const ListPageExtra = {
  totalCapped: Type.Boolean({ description: '总数超过上限，只数到上限（显示为“10,000+”）' }),
  cursor: Type.Union([Type.String(), Type.Null()], { description: '本页最后一行的游标（传 after= 读下一页）；null：没有下一页' }),
};

/** The query string of a list's export: the same filters and sort, no page; `format` xlsx (default) or csv. */
export function listExportQuerySchema<P extends TProperties>(filters: P, sortable: SortWhitelist) {
  return Type.Object({
    ...filters,
    ...sortFields(sortable),
    format: Type.Optional(Type.Union([Type.Literal('xlsx'), Type.Literal('csv')])),
  });
}

/** The sortable columns by their titles (排序列：…), for a refusal and a route's summary. */
export function sortLabels(sortable: SortWhitelist): string {
  return Object.values(sortable)
    .map((s) => s.label)
    .join('、');
}

/**
 * The sort a query asks for, checked against the whitelist: absent → undefined (the list's own
 * order); a column not on it → 400 naming `sort` and listing the sortable columns by their titles.
 */
export function sortOf<S extends SortWhitelist>(sortable: S, q: { sort?: string; order?: 'asc' | 'desc' }): ListSort<keyof S & string> | undefined {
  if (q.sort === undefined || q.sort === '') return undefined;
  if (!Object.hasOwn(sortable, q.sort)) throw errors.validation('sort', `不能按“${q.sort}”排序，可排序的列：${sortLabels(sortable)}`);
  return { column: q.sort as keyof S & string, order: q.order ?? 'asc' };
}

/** Orders a list's query by the chosen column (empty values last), then by `tieBreaker` (a unique column: stable pages). */
export function orderBySort<QB extends AnySelect>(qb: QB, sortable: SortWhitelist, by: { sort: ListSort; tieBreaker: string }): QB {
  const col = sortable[by.sort.column];
  if (!col) throw new Error(`unknown sort column ${by.sort.column}`);
  return qb.orderBy(sql.ref(col.column), (ob) => (by.sort.order === 'desc' ? ob.desc() : ob.asc()).nullsLast()).orderBy(sql.ref(by.tieBreaker)) as QB;
}

/** How many rows a list's (filtered, unordered) query gives: the page's total, and the export's cap checked before any row is read. */
export async function countRows(qb: AnySelect): Promise<number> {
  const r = await qb
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** Most rows an unpaged list for a picker (a select's options, a search box's matches) gives. */
export const LIST_PICKER_CAP = 2000;

/** What a list's queries are made of (see {@link listQueries}); `S` is what the repository reads through (the context, or its db and actor). */
export interface ListQueriesDef<S, F extends { sort?: ListSort | undefined }, QB extends AnySelect> {
  /** The records in the caller's data scope matching the list's filters, unordered (what is counted). */
  filtered(src: S, f: F): QB;
  /** The columns it may be sorted on (`f.sort`). */
  sortable: SortWhitelist;
  /** A unique column ordering the rows after a chosen sort's (stable pages). */
  tieBreaker: string;
  /** The list's own order when no sort is chosen. */
  order(q: QB): QB;
}

/** The rows a query gives, as its `execute` types them. */
type RowsOf<QB extends AnySelect> = Awaited<ReturnType<QB['execute']>>;

/**
 * A register's list queries from its filtered query and its order, written once: `rows` (every row in
 * the list's order, or the first `limit`: the unpaged list and the export), `list` (at most
 * {@link LIST_PICKER_CAP}: the pickers), `page` (a page and the filtered total, counted in parallel)
 * and `count` (the export's cap is checked on it before any row is read).
 */
export function listQueries<S, F extends { sort?: ListSort | undefined }, QB extends AnySelect>(def: ListQueriesDef<S, F, QB>) {
  const ordered = (q: QB, sort: ListSort | undefined): QB => (sort ? orderBySort(q, def.sortable, { sort, tieBreaker: def.tieBreaker }) : def.order(q));
  const rows = (src: S, f: F, limit?: number): Promise<RowsOf<QB>> => {
    const q = ordered(def.filtered(src, f), f.sort);
    return (limit === undefined ? q : q.limit(limit)).execute() as Promise<RowsOf<QB>>;
  };
  return {
    rows,
    list: (src: S, f: F, limit = LIST_PICKER_CAP) => rows(src, f, Math.min(limit, LIST_PICKER_CAP)),
    async page(src: S, f: F & { limit: number; offset: number }): Promise<{ rows: RowsOf<QB>; total: number }> {
      const q = def.filtered(src, f);
      const [page, total] = await Promise.all([ordered(q, f.sort).limit(f.limit).offset(f.offset).execute(), countRows(q)]);
      return { rows: page as RowsOf<QB>, total };
    },
    count: (src: S, f: F): Promise<number> => countRows(def.filtered(src, f)),
  };
}

/** A page's limit and offset from `page` (from 1) and `pageSize`. */
export function pageOf(q: { page?: number; pageSize?: number }, defaultSize = 50): { limit: number; offset: number } {
  const size = q.pageSize ?? defaultSize;
  return { limit: size, offset: ((q.page ?? 1) - 1) * size };
}

/**
 * A keyset-paged list's page: by cursor (`after`, from offset 0), or by page number for the first
 * pages — a page starting past {@link LIST_OFFSET_CAP} rows is refused naming `page` (an offset that
 * deep reads and drops every row before it; the cursor seeks to it on the index).
 */
export function keysetPageOf(q: { page?: number; pageSize?: number; after?: string }, defaultSize = 50): { limit: number; offset: number; after?: string } {
  if (q.after) return { limit: q.pageSize ?? defaultSize, offset: 0, after: q.after };
  const p = pageOf(q, defaultSize);
  if (p.offset >= LIST_OFFSET_CAP)
    throw errors.validation('page', `页码过深：按页码只能翻到前 ${LIST_OFFSET_CAP} 条，其后请用“下一页”（after 游标）继续翻页，或缩小筛选范围`);
  return p;
}

/** The SQL type of a keyset's key (its cursor value is cast back to it). */
export type KeyType = 'boolean' | 'date' | 'timestamptz' | 'text' | 'uuid' | 'integer';

/** One key of a list's order: a SQL expression (from code, never from input), its type, direction and whether it may be null (then last). */
export interface KeysetKey {
  expr: string;
  type: KeyType;
  desc?: boolean;
  nullable?: boolean;
}

/** A list's order as keys, the last one unique and not null (the id), and its name (a cursor of another list or order is refused). */
export interface Keyset {
  name: string;
  keys: readonly KeysetKey[];
}

/** The keyset of a sort on a whitelisted column, then `tieBreaker` (a unique uuid column) ascending. */
export function sortKeyset(sortable: SortWhitelist, by: { name: string; sort: ListSort; tieBreaker: string }): Keyset {
  const col = sortable[by.sort.column];
  if (!col?.type) throw new Error(`sort column ${by.sort.column} has no key type`);
  return {
    name: `${by.name}:${by.sort.column}:${by.sort.order}`,
    keys: [
      { expr: col.column, type: col.type, desc: by.sort.order === 'desc', nullable: !col.notNull },
      { expr: by.tieBreaker, type: 'uuid' },
    ],
  };
}

/** Orders a query by a keyset's keys (a nullable key's nulls last). */
export function orderByKeyset<QB extends AnySelect>(qb: QB, ks: Keyset): QB {
  let q = qb;
  for (const k of ks.keys)
    q = q.orderBy(sql.raw(`(${k.expr})`), (ob) =>
      k.desc ? (k.nullable ? ob.desc().nullsLast() : ob.desc()) : k.nullable ? ob.asc().nullsLast() : ob.asc(),
    ) as QB;
  return q;
}

const KEY_TEXT: Record<KeyType, RegExp> = {
  boolean: /^(true|false)$/,
  date: /^\d{4}-\d{2}-\d{2}$/,
  timestamptz: /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)?$/,
  text: /^[\s\S]{0,200}$/,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  integer: /^-?\d{1,18}$/,
};

const badCursor = () => errors.validation('after', '翻页游标无效或不属于此列表（可能已被改动，或列表的排序已变），请从第一页重新翻页');

/** The key values a cursor carries, checked against the keyset (its name, the number and the shape of the values): otherwise 400 naming `after`. */
export function decodeCursor(ks: Keyset, cursor: string): (string | null)[] {
  let v: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw badCursor();
    v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (!Array.isArray(v) || v[0] !== ks.name || v.length !== ks.keys.length + 1) throw badCursor();
  const vals = v.slice(1) as unknown[];
  ks.keys.forEach((k, i) => {
    const x = vals[i];
    if (x === null && k.nullable) return;
    if (typeof x !== 'string' || !KEY_TEXT[k.type].test(x)) throw badCursor();
  });
  return vals as (string | null)[];
}

/** The cursor after a row: base64url of the keyset's name and the row's key values (as `selectKeyset` read them). */
export function encodeCursor(ks: Keyset, row: Record<string, unknown>): string {
  const vals = ks.keys.map((_k, i) => (row[`__k${i}`] ?? null) as string | null);
  return Buffer.from(JSON.stringify([ks.name, ...vals]), 'utf8').toString('base64url');
}

/** Adds the keyset's key values as text (`__k0`, `__k1` …): exact (a timestamp's microseconds kept) for the cursor. */
export function selectKeyset<QB extends AnySelect>(qb: QB, ks: Keyset): QB {
  return qb.select(ks.keys.map((k, i) => sql<string | null>`(${sql.raw(k.expr)})::text`.as(`__k${i}`))) as QB;
}

/**
 * The rows after a cursor's: `(k1, k2, …, id) > (v1, v2, …, id)` in the keyset's order (directions
 * and nulls-last honoured), plus a row comparison on the leading keys of one direction that the
 * index seeks to (`(k1, k2) >= (v1, v2)`), so a deep page reads only its own rows.
 */
export function afterCursor<QB extends AnySelect>(qb: QB, ks: Keyset, cursor: string): QB {
  const vals = decodeCursor(ks, cursor);
  const val = (i: number) => sql`${vals[i]}::text::${sql.raw(ks.keys[i]!.type)}`;
  const e = (i: number) => sql.raw(`(${ks.keys[i]!.expr})`);
  const after = (i: number): RawBuilder<boolean> => {
    const k = ks.keys[i]!;
    if (i === ks.keys.length - 1) return sql<boolean>`${e(i)} > ${val(i)}`;
    if (vals[i] === null) return sql<boolean>`(${e(i)} IS NULL AND ${after(i + 1)})`;
    const beyond = k.desc ? sql`${e(i)} < ${val(i)}` : sql`${e(i)} > ${val(i)}`;
    return sql<boolean>`(${beyond}${k.nullable ? sql` OR ${e(i)} IS NULL` : sql``} OR (${e(i)} = ${val(i)} AND ${after(i + 1)}))`;
  };
  // The seek: the longest run of leading non-null keys of the first key's direction.
  const lead: number[] = [];
  for (let i = 0; i < ks.keys.length; i++) {
    const k = ks.keys[i]!;
    if (vals[i] === null || k.nullable || !!k.desc !== !!ks.keys[0]!.desc) break;
    lead.push(i);
  }
  let q = qb.where(after(0)) as QB;
  if (lead.length) {
    const cols = sql.join(lead.map(e));
    const vs = sql.join(lead.map(val));
    q = q.where(ks.keys[0]!.desc ? sql<boolean>`(${cols}) <= (${vs})` : sql<boolean>`(${cols}) >= (${vs})`) as QB;
  }
  return q;
}

/** How many rows a list's (filtered, unordered) query gives, counted up to `cap` (a LIMIT cap+1 subquery): past it `capped`, total = cap. */
export async function countCapped(db: Kysely<KernelDB>, qb: AnySelect, cap = LIST_COUNT_CAP): Promise<{ total: number; capped: boolean }> {
  const inner = qb
    .clearSelect()
    .clearOrderBy()
    .select(sql<number>`1`.as('one'))
    .limit(cap + 1);
  const count = sql<{ n: number }>`SELECT count(*)::int AS n FROM (${inner}) AS capped_rows`;
  // The query's text and values (tenant, scope, filters) are its identity.
  const c = count.compile(db);
  const key = `${c.sql}\u0000${JSON.stringify(c.parameters)}`;
  const seen = cappedSeen.get(db) ?? new Map<string, number>();
  cappedSeen.set(db, seen);
  const known = seen.get(key);
  if (known !== undefined && known > Date.now()) return { total: cap, capped: true };
  if (known !== undefined) seen.delete(key);
  const r = await count.execute(db);
  const n = Number(r.rows[0]?.n ?? 0);
  if (n <= cap) return { total: n, capped: false };
  if (seen.size >= CAPPED_SEEN_MAX) seen.delete(seen.keys().next().value!);
  seen.set(key, Date.now() + CAPPED_SEEN_MS);
  return { total: cap, capped: true };
}

/**
 * Counts found past their cap, for {@link CAPPED_SEEN_MS}: "10,000+" stays true while rows come and go
 * one by one (it would take thousands going at once — an import undone — to make it false), so a busy
 * list does not read cap + 1 rows at every page. A count below its cap is always counted afresh.
 */
const cappedSeen = new WeakMap<object, Map<string, number>>(); // per database handle
const CAPPED_SEEN_MS = 30_000;
const CAPPED_SEEN_MAX = 5_000;

/** The query of a list's page in its keyset's order (by cursor or offset), its key values selected, for `limit + 1` rows. */
export function keysetQuery<QB extends AnySelect>(qb: QB, page: { keyset: Keyset; limit: number; offset: number; after?: string | undefined }): QB {
  let q = selectKeyset(orderByKeyset(qb, page.keyset), page.keyset);
  if (page.after) q = afterCursor(q, page.keyset, page.after);
  return q.limit(page.limit + 1).offset(page.offset) as QB;
}

/**
 * A list's page in its keyset's order — by cursor (`after`) or by offset — with its capped total
 * and the cursor of its last row (null when no row follows): the query is read for `limit + 1` rows.
 * `count`: the same rows without what cannot change their number (joins for names), counted instead.
 */
export async function keysetPage<Row>(
  db: Kysely<KernelDB>,
  q: { rows: AnySelect; count?: AnySelect },
  page: { keyset: Keyset; limit: number; offset: number; after?: string | undefined },
): Promise<{ rows: Row[]; total: number; totalCapped: boolean; cursor: string | null }> {
  const ks = page.keyset;
  const [raw, count] = await Promise.all([keysetQuery(q.rows, page).execute(), countCapped(db, q.count ?? q.rows)]);
  const more = raw.length > page.limit;
  const rows = (raw as Record<string, unknown>[]).slice(0, page.limit);
  const last = rows.at(-1);
  const cursor = more && last ? encodeCursor(ks, last) : null;
  for (const r of rows) for (let i = 0; i < ks.keys.length; i++) delete r[`__k${i}`];
  return { rows: rows as Row[], total: count.total, totalCapped: count.capped, cursor };
}

/** A search text as a LIKE pattern matching it anywhere, as typed: a %, _ or \\ in it is a character, not a wildcard. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, '\\$&')}%`;
}

/** Refuses (413, saying so) an export of more rows than {@link LIST_EXPORT_CAP}, before any row is read. */
export function assertExportable(count: number): void {
  if (count > LIST_EXPORT_CAP)
    throw new AppError('TOO_LARGE', `筛选结果共 ${count} 条，超过单次导出上限 ${LIST_EXPORT_CAP} 条，请缩小筛选范围（如按年度、状态）`, 413);
}

/** Sends a list's export under the spec's headers: `<title>列表YYYYMMDD.xlsx` (or `.csv`). */
export async function sendListExport<Row>(
  reply: FastifyReply,
  file: { spec: LedgerSpec<Row>; rows: readonly Row[]; title: string; today: string; format?: 'xlsx' | 'csv' | undefined },
) {
  const name = `${file.title}列表${file.today.replaceAll('-', '')}`;
  if (file.format === 'csv') return sendFile(reply, writeCsv(file.spec, file.rows), `${name}.csv`, 'text/csv');
  return sendFile(reply, await writeXlsx(file.spec, file.rows), `${name}.xlsx`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
}
