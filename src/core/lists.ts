/**
 * The generic pieces of a module's record list (issue 14 item 4), shared by every list on the web's
 * one list component (RecordList): the query string's sort, order, page and page size; the sort
 * whitelist (only indexed columns, anything else refused naming `sort`); the order a chosen column
 * gives (then a unique column, so pages are stable); the page's limit and offset; the export of
 * exactly the filtered rows, capped at {@link LIST_EXPORT_CAP} rows with a 413 saying so.
 *
 * A module keeps its own filters, its repository's query (in the caller's data scope) and its
 * ledger: this holds only what every list does the same way.
 */
import { type TProperties, Type } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { sql } from 'kysely';
import type { AnySelect } from './db/types.js';
import { AppError, errors } from './errors.js';
import { sendFile } from './http.js';
import type { LedgerSpec } from './ledger/spec.js';
import { writeCsv, writeXlsx } from './ledger/write.js';

/** A list's sortable columns: the name the client sends → the (indexed) SQL column and its Chinese title. */
export type SortWhitelist = Readonly<Record<string, { column: string; label: string }>>;

/** A chosen sort: a column of the list's whitelist and the direction. */
export interface ListSort<K extends string = string> {
  column: K;
  order: 'asc' | 'desc';
}

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
  });
}

/** The query string of a list's export: the same filters and sort, no page; `format` xlsx (default) or csv. */
export function listExportQuerySchema<P extends TProperties>(filters: P, sortable: SortWhitelist) {
  return Type.Object({
    ...filters,
    ...sortFields(sortable),
    format: Type.Optional(Type.Union([Type.Literal('xlsx'), Type.Literal('csv')])),
  });
}

/**
 * The sort a query asks for, checked against the whitelist: absent → undefined (the list's own
 * order); a column not on it → 400 naming `sort` and listing the sortable columns by their titles.
 */
export function sortOf<S extends SortWhitelist>(sortable: S, q: { sort?: string; order?: 'asc' | 'desc' }): ListSort<keyof S & string> | undefined {
  if (q.sort === undefined || q.sort === '') return undefined;
  if (!Object.hasOwn(sortable, q.sort))
    throw errors.validation(
      'sort',
      `不能按“${q.sort}”排序，可排序的列：${Object.values(sortable)
        .map((s) => s.label)
        .join('、')}`,
    );
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

/** A page's limit and offset from `page` (from 1) and `pageSize`. */
export function pageOf(q: { page?: number; pageSize?: number }, defaultSize = 50): { limit: number; offset: number } {
  const size = q.pageSize ?? defaultSize;
  return { limit: size, offset: ((q.page ?? 1) - 1) * size };
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
