/**
 * The registers' lists on the one list component's server side (issue 14 item 4): 行政检查记录
 * (`/api/inspections/records/list`) and 行政复议、行政诉讼案件 (`/api/litigation/cases`) — a page with
 * its total, sort on each whitelisted (indexed) column across pages, any other sort refused naming
 * `sort`, filters, the export of exactly the filtered rows under the ledger's headers, and a street
 * that sees none of another unit's rows in the list or the export. The shape of
 * tests/modules/enforcement/lists.test.ts; one demo system for both.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testSystem } from '../helpers/system.js';
import { login, testServer, type Client } from '../helpers/http.js';
import type { System } from '../../src/core/system.js';
import { readTable } from '../../src/core/ledger/files.js';

let sys: System;
let app: FastifyInstance;
const users: Record<string, Client> = {};

beforeAll(async () => {
  sys = await testSystem('demo');
  app = await testServer(sys);
  for (const u of ['admin', 'legal', 'wushan', 'yuancun']) users[u] = await login(app, u);
});
afterAll(async () => {
  await app.close();
  await sys.close();
});

type Row = Record<string, unknown> & { id: string; orgId?: string };

interface ListCase {
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
  /** Two street users: the one whose rows are checked, the other who must not see them (none: the demo's rows are all the bureau's — a street sees none). */
  streets?: { owner: string; other: string };
}

const LISTS: ListCase[] = [
  {
    name: 'inspection records',
    list: '/api/inspections/records/list',
    export: '/api/inspections/records/export',
    user: 'admin',
    sorts: { recordNo: 'recordNo', inspectedOn: 'inspectedOn', rectifyDueOn: 'rectifyDueOn', closedOn: 'closedOn' },
    filters: [
      { query: `kind=${encodeURIComponent('双随机')}`, field: 'kind', value: '双随机' },
      { query: 'stage=closed', field: 'stage', value: 'closed' },
      { query: 'stage=rectifying', field: 'stage', value: 'rectifying' },
    ],
    key: { header: '检查编号', field: 'recordNo' },
    ledger: 'inspection-records',
    text: (r) => String(r.recordNo),
    yearField: 'inspectedOn',
  },
  {
    name: 'litigation cases',
    list: '/api/litigation/cases',
    export: '/api/litigation/cases/export',
    user: 'legal',
    sorts: { caseNo: 'caseNo', receivedOn: 'receivedOn', replyDueOn: 'replyDueOn', outcomeOn: 'outcomeOn', closedOn: 'closedOn' },
    filters: [
      { query: `kind=${encodeURIComponent('诉讼')}`, field: 'kind', value: '诉讼' },
      { query: 'status=closed', field: 'status', value: 'closed' },
    ],
    key: { header: '案号', field: 'caseNo' },
    ledger: 'litigation-cases',
    text: (r) => String(r.caseNo),
    yearField: 'receivedOn',
    streets: { owner: 'wushan', other: 'yuancun' },
  },
];

const page = async (c: ListCase, query: string, who = c.user): Promise<{ total: number; items: Row[] }> => {
  const r = await users[who]!.req('GET', `${c.list}?${query}`);
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
  const r = await app.inject({ method: 'GET', url: `${c.export}?${query}`, headers: { cookie: users[who]!.cookie } });
  expect(r.statusCode, r.body.slice(0, 300)).toBe(200);
  expect(decodeURIComponent(String(r.headers['content-disposition']))).toMatch(/列表\d{8}\.xlsx$/);
  return readTable(r.rawPayload, 'list.xlsx');
};
/** A cell as the list shows it: a date cell as YYYY-MM-DD. */
const cellText = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v));
/** Values compare as the server sorts them: nulls last in either direction. */
const sortedAs = (values: unknown[], order: 'asc' | 'desc') => {
  const present = values.filter((v) => v != null).map(String);
  const nulls = values.length - present.length;
  const s = [...present].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return [...(order === 'asc' ? s : s.reverse()), ...Array<null>(nulls).fill(null)];
};

describe.each(LISTS)('$name', (c) => {
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
    expect((await app.inject({ method: 'GET', url: c.list })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: c.export })).statusCode).toBe(401);
  });

  it.runIf(!c.streets)("a street sees none of the bureau's rows in the list or the export, even asking for its unit", async () => {
    const bureau = await all(c, '');
    expect(bureau.length).toBeGreaterThan(0);
    expect((await page(c, '', 'wushan')).total).toBe(0);
    expect((await exportOf(c, '', 'wushan')).rows).toHaveLength(0);
    expect((await page(c, `orgId=${bureau[0]!.orgId}`, 'wushan')).total).toBe(0);
    expect((await exportOf(c, `orgId=${bureau[0]!.orgId}`, 'wushan')).rows).toHaveLength(0);
  });

  it.runIf(!!c.streets)("a street sees none of another unit's rows in the list or the export", async () => {
    const { owner, other } = c.streets!;
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
});

describe('the inspection records other modules read', () => {
  it('still answer the unpaged list (GET /api/inspections/records) with its filters', async () => {
    const r = await users.admin!.req('GET', `/api/inspections/records?kind=${encodeURIComponent('双随机')}`);
    expect(r.status).toBe(200);
    const listed = await all(LISTS[0]!, `kind=${encodeURIComponent('双随机')}`);
    expect(r.body.data.map((x: Row) => x.id)).toEqual(listed.map((x) => x.id));
  });
});
