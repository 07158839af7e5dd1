/**
 * The one list component's server side, checked the same way for every register (issue 14 item 4): a page
 * with its total, sort on each whitelisted (indexed) column across pages, any other sort refused naming
 * `sort`, filters, the export of exactly the filtered rows under the ledger's headers, sign-in, and the data
 * scope. A test file opens its system, signs its users in and calls `describeLists` with its lists.
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
  /** The export route. */
  export: string;
  user: string;
  /** Each whitelisted column and the row's field showing it. */
  sorts: Record<string, string>;
  /** Filters, each with the field it narrows and the value it keeps. */
  filters: Array<{ query: string; field: string; value: unknown }>;
  /** The export's first column (the record's number), and the row's field that is it. */
  key: { header: string; field: string };
  ledger: string;
  /** A text search: a query and the rows' fields one of which must contain it. */
  text: (r: Row) => string;
  /** The field a row's year is read from. */
  yearField: string;
  /**
   * What a street (`wushan`) may see: `none` of the bureau's rows (the default), `forbidden` (no read
   * permission: 403), or two street users, the one whose rows are checked and the other who must not see them.
   */
  streets?: 'none' | 'forbidden' | { owner: string; other: string };
}

/** The file's server and signed-in users, read when the tests run (they are set in `beforeAll`). */
export interface ListSuite {
  app(): FastifyInstance;
  users: Record<string, Client>;
}

/** Reading a list as a user: a page, every row page by page, the export as a table. */
export function listReader(s: ListSuite) {
  const page = async (c: ListCase, query: string, who = c.user): Promise<{ total: number; items: Row[] }> => {
    const r = await s.users[who]!.req('GET', `${c.list}?${query}`);
    expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(200);
    return r.body.data;
  };
  /** Every row of a list, page by page, in its order. */
  const all = async (c: ListCase, query: string, who = c.user): Promise<Row[]> => {
    const out: Row[] = [];
    for (let p = 1; ; p++) {
      const r = await page(c, `${query}&pageSize=200&page=${p}`, who);
      out.push(...r.items);
      if (out.length >= r.total || !r.items.length) return out;
    }
  };
  const exportOf = async (c: ListCase, query: string, who = c.user) => {
    const r = await s.app().inject({ method: 'GET', url: `${c.export}?${query}`, headers: { cookie: s.users[who]!.cookie } });
    expect(r.statusCode, r.body.slice(0, 300)).toBe(200);
    expect(decodeURIComponent(String(r.headers['content-disposition']))).toMatch(/列表\d{8}\.xlsx$/);
    return readTable(r.rawPayload, 'list.xlsx');
  };
  return { page, all, exportOf };
}

/** A cell as the list shows it: a date cell as YYYY-MM-DD. */
const cellText = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v));
/** Values compare as the server sorts them: nulls last in either direction; as text (a year's four digits order as its number), kept as the list gives them. */
const sortedAs = (values: unknown[], order: 'asc' | 'desc') => {
  const present = values.filter((v) => v != null);
  const nulls = values.length - present.length;
  const s = [...present].sort((a, b) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0));
  return [...(order === 'asc' ? s : s.reverse()), ...Array<null>(nulls).fill(null)];
};

/** The shared tests, for each list. */
export function describeLists(lists: readonly ListCase[], s: ListSuite) {
  const { page, all, exportOf } = listReader(s);
  const users = s.users;
  describe.each(lists)('$name', (c) => {
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

    it.each(['version', 'org.name; drop table org', 'created_at', 'entityName'])('refuses sort=%s naming sort, in the list and the export', async (sort) => {
      for (const url of [c.list, c.export]) {
        const r = await users[c.user]!.req('GET', `${url}?sort=${encodeURIComponent(sort)}`);
        expect(r.status).toBe(400);
        expect(r.body).toMatchObject({ code: 'VALIDATION', field: 'sort' });
        expect(r.body.message).toContain('可排序的列');
        expect(r.body.message).toContain(sort);
      }
    });

    it('each filter narrows to exactly its rows; the year and the text too', async () => {
      const everything = await all(c, '');
      for (const f of c.filters) {
        const rows = await all(c, f.query);
        expect(rows.length, f.query).toBeGreaterThan(0);
        expect(rows.length, f.query).toBeLessThan(everything.length);
        expect(rows.every((r) => r[f.field] === f.value)).toBe(true);
        expect(rows.length).toBe(everything.filter((r) => r[f.field] === f.value).length);
      }
      const year = String(everything[0]![c.yearField]).slice(0, 4);
      const ofYear = await all(c, `year=${year}`);
      expect(ofYear.length).toBe(everything.filter((r) => String(r[c.yearField]).startsWith(year)).length);
      const some = everything.at(-1)!;
      const found = await all(c, `q=${encodeURIComponent(c.text(some))}`);
      expect(found.map((r) => r.id)).toContain(some.id);
      // As typed: % and _ are characters, not wildcards.
      for (const q of ['%', '_']) expect((await page(c, `q=${encodeURIComponent(q)}`)).total, q).toBe(0);
    });

    it("exports exactly the filtered list's rows, in its order, under the ledger's headers", async () => {
      const sorts = Object.keys(c.sorts);
      const ledger = (await users[c.user]!.req('GET', '/api/ledgers')).body.data.find((l: { key: string }) => l.key === c.ledger);
      for (const query of [c.filters[0]!.query, `sort=${sorts[sorts.length - 1]}&order=desc`, '']) {
        const rows = await all(c, query);
        const table = await exportOf(c, query);
        expect(table.rows.length, query).toBe(rows.length);
        expect(
          table.rows.map((r) => cellText(r.cells[c.key.header])),
          query,
        ).toEqual(rows.map((r) => String(r[c.key.field])));
        expect(table.headers).toEqual(ledger.columns.map((x: { header: string }) => x.header));
      }
    });

    it('refuses a bad filter naming it, and needs a signed-in user', async () => {
      const r = await users[c.user]!.req('GET', `${c.list}?year=1900`);
      expect(r.status).toBe(400);
      expect((await s.app().inject({ method: 'GET', url: c.list })).statusCode).toBe(401);
      expect((await s.app().inject({ method: 'GET', url: c.export })).statusCode).toBe(401);
    });

    it.runIf((c.streets ?? 'none') === 'none')("a street sees none of the bureau's rows in the list or the export, even asking for its unit", async () => {
      const bureau = await all(c, '');
      expect(bureau.length).toBeGreaterThan(0);
      expect((await page(c, '', 'wushan')).total).toBe(0);
      expect((await exportOf(c, '', 'wushan')).rows).toHaveLength(0);
      expect((await page(c, `orgId=${bureau[0]!.orgId}`, 'wushan')).total).toBe(0);
      expect((await exportOf(c, `orgId=${bureau[0]!.orgId}`, 'wushan')).rows).toHaveLength(0);
    });

    it.runIf(typeof c.streets === 'object')("a street sees none of another unit's rows in the list or the export", async () => {
      const { owner, other } = c.streets as { owner: string; other: string };
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
      const own = await exportOf(c, '', other);
      expect(own.rows.length).toBe(theirs.length);
      const mineKeys = new Set(mine.map((r) => String(r[c.key.field])));
      expect(own.rows.some((r) => mineKeys.has(cellText(r.cells[c.key.header])))).toBe(false);
    });
    it.runIf(c.streets === 'forbidden')('a street may read neither the list nor its export (403)', async () => {
      for (const url of [c.list, c.export]) expect((await users.wushan!.req('GET', url)).status, url).toBe(403);
    });
  });
}
