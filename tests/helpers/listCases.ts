/**
 * The one list component's server side, checked the same way for every register (issue 14 item 4): a page
 * with its total, sort on each whitelisted (indexed) column across pages, any other sort refused naming
 * `sort`, filters, the year and the text search, the export of exactly the filtered rows under the ledger's
 * headers (or a list's own columns where it has no ledger; no export where it has neither), sign-in, and the
 * data scope. A test file opens its system with `serverSuite` (tests/helpers/server.ts), signing its users in,
 * and calls `describeLists` with its lists and that suite.
 */
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { readTable } from '../../src/core/ledger/files.js';
import type { Client } from './http.js';

export type Row = Record<string, unknown> & { id: string; orgId?: string };

export interface ListCase {
  name: string;
  /** The list route. */
  list: string;
  /** The export route (none: the register has neither a ledger nor columns of its own to export). */
  export?: string;
  user: string;
  /** Each whitelisted column and the row's field showing it. */
  sorts: Record<string, string>;
  /** Filters, each with the field it narrows and the value it keeps (read when the tests run: a getter may name a value seeded in `beforeAll`). */
  filters: Array<{ query: string; field: string; value: unknown }>;
  /** The export's first column (the record's number), and the row's field that is it. */
  key?: { header: string; field: string };
  /** The ledger whose headers the export carries… */
  ledger?: string;
  /** …or, a list without a ledger, its own columns' titles. */
  headers?: readonly string[];
  /** The queries the export is checked on (default: the first filter's, a descending sort on the last column, none). */
  exportQueries?: readonly string[];
  /** A text search: what of a row finds it (each of several, tried on the last row that has them all). */
  text?: ((r: Row) => string) | ReadonlyArray<(r: Row) => string>;
  /** Or the fields the search looks in: a part of each finds its row, and every row found holds the part in one of them. */
  textFields?: readonly string[];
  /** The field a row's year is read from (none, nor `inYear`: the register has no year). */
  yearField?: string;
  /** A year's rows where the year filter is not one field's year (a project started or completed in it). */
  inYear?: (r: Row, year: string) => boolean;
  /** The years checked, each keeping exactly its rows (default: the first row's). */
  years?: readonly string[];
  /** Each year checked keeps some rows but not all: the filter is seen to narrow. */
  yearNarrows?: boolean;
  /** A filter the list refuses (400): default `year=1900`, or `orgId=x` for a list without a year. */
  badFilter?: string;
  /** The sorts refused (default: a column's version, an injection, a column not whitelisted, another table's field). */
  refusedSorts?: readonly string[];
  /**
   * What a street (`wushan`) may see: `none` of the bureau's rows (the default), `forbidden` (no read
   * permission: 403), two street users, the one whose rows are checked and the other who must not see them,
   * or `apart`: the file checks the register's scope in its own tests.
   */
  streets?: 'none' | 'forbidden' | 'apart' | { owner: string; other: string };
}

/** The list routes and the user a reader needs of a case (a file's own case type may carry more). */
export type ListRoutes = Pick<ListCase, 'list' | 'export' | 'user'>;

/** The file's server and signed-in users, read when the tests run (a `serverSuite`: they are set in `beforeAll`). */
export interface ListSuite {
  readonly app: FastifyInstance;
}

/** A signed-in user of the suite, by its name there. */
function clientOf(s: ListSuite, who: string): Client {
  const c = (s as unknown as Record<string, Client | undefined>)[who];
  if (!c?.req) throw new Error(`no signed-in user ${who} in this file's serverSuite`);
  return c;
}

/** Reading a list as a user: a page, every row page by page, the export as a table. */
export function listReader(s: ListSuite) {
  const page = async (c: ListRoutes, query: string, who = c.user): Promise<{ total: number; items: Row[] }> => {
    const r = await clientOf(s, who).req('GET', `${c.list}?${query}`);
    expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(200);
    return r.body.data;
  };
  /** Every row of a list, page by page, in its order. */
  const all = async (c: ListRoutes, query: string, who = c.user): Promise<Row[]> => {
    const out: Row[] = [];
    for (let p = 1; ; p++) {
      const r = await page(c, `${query}&pageSize=200&page=${p}`, who);
      out.push(...r.items);
      if (out.length >= r.total || !r.items.length) return out;
    }
  };
  const exportOf = async (c: ListRoutes, query: string, who = c.user) => {
    if (!c.export) throw new Error(`${c.list} has no export`);
    const r = await s.app.inject({ method: 'GET', url: `${c.export}?${query}`, headers: { cookie: clientOf(s, who).cookie } });
    expect(r.statusCode, r.body.slice(0, 300)).toBe(200);
    expect(decodeURIComponent(String(r.headers['content-disposition']))).toMatch(/列表\d{8}\.xlsx$/);
    return readTable(r.rawPayload, 'list.xlsx');
  };
  return { page, all, exportOf };
}

/** A cell as the list shows it: a date cell as YYYY-MM-DD. */
export const cellText = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v));
/**
 * Values in the order the server sorts them: nulls last in either direction; numbers as numbers, the rest as
 * text (a year's four digits order as its number), kept as the list gives them.
 */
export const sortedAs = (values: unknown[], order: 'asc' | 'desc') => {
  const present = values.filter((v) => v != null);
  const nulls = values.length - present.length;
  const cmp = (a: unknown, b: unknown) => (typeof a === 'number' && typeof b === 'number' ? a - b : String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0);
  const s = [...present].sort(cmp);
  return [...(order === 'asc' ? s : s.reverse()), ...Array<null>(nulls).fill(null)];
};

const REFUSED_SORTS = ['version', 'org.name; drop table org', 'created_at', 'entityName'];
/** A text as a row gives it: absent when the row has no such value. */
const shown = (v: string) => v !== 'null' && v !== 'undefined';
/** The ids of rows, in a stable order (to compare two sets of rows). */
const idsOf = (rows: Row[]) => rows.map((r) => r.id).sort();

/** The shared tests, for each list. */
export function describeLists(lists: readonly ListCase[], s: ListSuite) {
  const { page, all, exportOf } = listReader(s);
  const user = (who: string) => clientOf(s, who);
  describe.each(lists)('$name', (c) => {
    const routes = c.export ? [c.list, c.export] : [c.list];
    const inYear = c.inYear ?? (c.yearField ? (r: Row, y: string) => String(r[c.yearField!]).startsWith(y) : undefined);
    const texts = c.textFields
      ? c.textFields.map((f) => (r: Row) => (r[f] == null ? 'null' : String(r[f]).slice(1, 8)))
      : typeof c.text === 'function'
        ? [c.text]
        : (c.text ?? []);

    it('answers a page and the filtered total; the page size is kept', async () => {
      const first = await page(c, 'pageSize=2');
      expect(first.total).toBeGreaterThan(2);
      expect(first.items).toHaveLength(2);
      const second = await page(c, 'pageSize=2&page=2');
      expect(second.total).toBe(first.total);
      expect(second.items.map((r) => r.id).some((id) => first.items.some((x) => x.id === id))).toBe(false);
    });

    it.each(['asc', 'desc'] as const)('sorts on each whitelisted column (%s), server-side across pages', async (order) => {
      for (const [sort, field] of Object.entries(c.sorts)) {
        const rows = await all(c, `sort=${sort}&order=${order}`);
        const values = rows.map((r) => (r[field] === undefined ? null : r[field]));
        expect(values, `${sort} ${order}`).toEqual(sortedAs(values, order));
        const p2 = await page(c, `sort=${sort}&order=${order}&pageSize=3&page=2`);
        expect(
          p2.items.map((r) => r.id),
          `${sort} ${order} page 2`,
        ).toEqual(rows.slice(3, 6).map((r) => r.id));
      }
    });

    it.each(c.refusedSorts ?? REFUSED_SORTS)(`refuses sort=%s naming sort${c.export ? ', in the list and the export' : ''}`, async (sort) => {
      for (const url of routes) {
        const r = await user(c.user).req('GET', `${url}?sort=${encodeURIComponent(sort)}`);
        expect(r.status).toBe(400);
        expect(r.body).toMatchObject({ code: 'VALIDATION', field: 'sort' });
        expect(r.body.message).toContain('可排序的列');
        expect(r.body.message).toContain(sort);
      }
    });

    it(`each filter narrows to exactly its rows; ${inYear ? 'the year and ' : ''}the text too`, async () => {
      const everything = await all(c, '');
      for (const f of c.filters) {
        const rows = await all(c, f.query);
        expect(rows.length, f.query).toBeGreaterThan(0);
        expect(rows.length, f.query).toBeLessThan(everything.length);
        expect(rows.every((r) => r[f.field] === f.value)).toBe(true);
        expect(rows.length).toBe(everything.filter((r) => r[f.field] === f.value).length);
      }
      if (inYear)
        for (const year of c.years ?? [String(everything[0]![c.yearField!]).slice(0, 4)]) {
          const ofYear = await all(c, `year=${year}`);
          if (c.yearNarrows) {
            expect(ofYear.length, year).toBeGreaterThan(0);
            expect(ofYear.length, year).toBeLessThan(everything.length);
          }
          expect(idsOf(ofYear), year).toEqual(idsOf(everything.filter((r) => inYear(r, year))));
        }
      // Each text finds its row (as typed); % and _ are characters, not wildcards.
      const some = everything.findLast((r) => texts.every((t) => shown(t(r)))) ?? everything.at(-1)!;
      for (const text of texts) {
        const v = text(some);
        if (!shown(v)) continue;
        const found = await all(c, `q=${encodeURIComponent(v)}`);
        expect(
          found.map((r) => r.id),
          v,
        ).toContain(some.id);
        const fields = c.textFields;
        if (fields)
          expect(
            found.every((r) => fields.some((x) => String(r[x] ?? '').includes(v))),
            v,
          ).toBe(true);
      }
      expect((await page(c, `q=${encodeURIComponent('没有这样的名称')}`)).total).toBe(0);
      for (const q of ['%', '_']) expect((await page(c, `q=${encodeURIComponent(q)}`)).total, q).toBe(0);
    });

    if (c.export)
      it(`exports exactly the filtered list's rows, in its order, under ${c.headers ? "the list's own columns" : "the ledger's headers"}`, async () => {
        const sorts = Object.keys(c.sorts);
        const key = c.key!;
        const headers =
          c.headers ??
          (await user(c.user).req('GET', '/api/ledgers')).body.data
            .find((l: { key: string }) => l.key === c.ledger)
            .columns.map((x: { header: string }) => x.header);
        for (const query of c.exportQueries ?? [...c.filters.slice(0, 1).map((f) => f.query), `sort=${sorts.at(-1)}&order=desc`, '']) {
          const rows = await all(c, query);
          const table = await exportOf(c, query);
          expect(table.rows.length, query).toBe(rows.length);
          expect(
            table.rows.map((r) => cellText(r.cells[key.header])),
            query,
          ).toEqual(rows.map((r) => String(r[key.field])));
          expect(table.headers).toEqual(headers);
        }
      });

    it('refuses a bad filter naming it, and needs a signed-in user', async () => {
      const r = await user(c.user).req('GET', `${c.list}?${c.badFilter ?? (inYear ? 'year=1900' : 'orgId=x')}`);
      expect(r.status).toBe(400);
      // A page is at most 200 rows.
      expect((await user(c.user).req('GET', `${c.list}?pageSize=500`)).status).toBe(400);
      for (const url of routes) expect((await s.app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
    });

    const streets = c.streets ?? 'none';
    if (streets === 'none')
      it(`a street sees none of the bureau's rows${c.export ? ' in the list or the export' : ''}, even asking for its unit`, async () => {
        const bureau = await all(c, '');
        expect(bureau.length).toBeGreaterThan(0);
        expect((await page(c, '', 'wushan')).total).toBe(0);
        expect((await page(c, `orgId=${bureau[0]!.orgId}`, 'wushan')).total).toBe(0);
        if (!c.export) return;
        expect((await exportOf(c, '', 'wushan')).rows).toHaveLength(0);
        expect((await exportOf(c, `orgId=${bureau[0]!.orgId}`, 'wushan')).rows).toHaveLength(0);
      });

    if (typeof streets === 'object')
      it("a street sees none of another unit's rows in the list or the export", async () => {
        const { owner, other } = streets;
        const key = c.key!;
        const mine = await all(c, '', owner);
        expect(mine.length).toBeGreaterThan(0);
        const orgIds = new Set(mine.map((r) => r.orgId));
        expect(orgIds.size).toBe(1);
        const theirs = await all(c, '', other);
        expect(theirs.every((r) => !orgIds.has(r.orgId))).toBe(true);
        // Even asking for the other street's unit by id: nothing.
        const named = `orgId=${mine[0]!.orgId}`;
        expect((await page(c, named, owner)).total).toBe(mine.length);
        expect((await page(c, named, other)).total).toBe(0);
        expect((await exportOf(c, named, other)).rows).toHaveLength(0);
        expect((await exportOf(c, '', owner)).rows).toHaveLength(mine.length);
        const own = await exportOf(c, '', other);
        expect(own.rows.length).toBe(theirs.length);
        const mineKeys = new Set(mine.map((r) => String(r[key.field])));
        expect(own.rows.some((r) => mineKeys.has(cellText(r.cells[key.header])))).toBe(false);
      });

    if (streets === 'forbidden')
      it('a street may read neither the list nor its export (403)', async () => {
        for (const url of routes) expect((await user('wushan').req('GET', url)).status, url).toBe(403);
      });
  });
}
