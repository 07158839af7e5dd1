/**
 * The registers' lists on the one list component's server side (issue 14 item 4), second part:
 * 行政许可办件 (`/api/licensing/permits`) and 重大行政决策 (`/api/decisions`) — a page with its total,
 * sort on each whitelisted (indexed) column across pages, any other sort refused naming `sort`,
 * filters, the export of exactly the filtered rows under the ledger's headers, and the data scope
 * (a street sees none of the bureau's decisions; permits are not a street's to read at all). The
 * shape of tests/modules/registerLists.test.ts; one demo system for both.
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
  for (const u of ['admin', 'legal', 'licensing', 'wushan', 'yuancun']) users[u] = await login(app, u);
  // The demo has three decisions (2022): a few more drafts in other years, off the catalogue, so pages and sorts have rows to order.
  for (const [year, title] of [
    [2023, '制定《天河区河湖长制工作考核办法》'],
    [2023, '编制《天河区节约用水规划》'],
    [2024, '修订《天河区排水许可管理规定》'],
    [2024, '制定《天河区海绵城市建设管理办法》'],
  ] as const) {
    const r = await users.legal!.req('POST', '/api/decisions', { year, title, participationRequired: true, expertRequired: true, riskRequired: true });
    expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(201);
  }
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
  /** Whether a street reads the list at all (its permission): if so, it sees none of the bureau's rows. */
  streetReads: boolean;
}

const LISTS: ListCase[] = [
  {
    name: 'licensing permits',
    list: '/api/licensing/permits',
    export: '/api/licensing/permits/export',
    user: 'licensing',
    sorts: { caseNo: 'caseNo', receivedOn: 'receivedOn', acceptedOn: 'acceptedOn', dueOn: 'dueOn', decidedOn: 'decidedOn' },
    filters: [
      { query: `category=${encodeURIComponent('排水')}`, field: 'category', value: '排水' },
      { query: `category=${encodeURIComponent('水利')}`, field: 'category', value: '水利' },
    ],
    key: { header: '办件编号', field: 'caseNo' },
    ledger: 'permits',
    text: (r) => String(r.applicant),
    yearField: 'receivedOn',
    streetReads: false,
  },
  {
    name: 'major decisions',
    list: '/api/decisions',
    export: '/api/decisions/export',
    user: 'legal',
    sorts: { year: 'year', title: 'title', reviewOn: 'reviewOn', discussionOn: 'discussionOn', publicationOn: 'publicationOn' },
    filters: [
      { query: 'status=drafting', field: 'status', value: 'drafting' },
      { query: 'status=archived', field: 'status', value: 'archived' },
    ],
    key: { header: '决策事项', field: 'title' },
    ledger: 'major-decisions',
    text: (r) => String(r.title),
    yearField: 'year',
    streetReads: true,
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
  const present = values.filter((v) => v != null);
  const nulls = values.length - present.length;
  // As text (a year's four digits order as its number); the values kept as the list gives them.
  const s = [...present].sort((a, b) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0));
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

  it.runIf(c.streetReads)("a street sees none of the bureau's rows in the list or the export, even asking for its unit", async () => {
    const bureau = await all(c, '');
    expect(bureau.length).toBeGreaterThan(0);
    expect((await page(c, '', 'wushan')).total).toBe(0);
    expect((await exportOf(c, '', 'wushan')).rows).toHaveLength(0);
    expect((await page(c, `orgId=${bureau[0]!.orgId}`, 'wushan')).total).toBe(0);
    expect((await exportOf(c, `orgId=${bureau[0]!.orgId}`, 'wushan')).rows).toHaveLength(0);
  });

  it.runIf(!c.streetReads)('a street may read neither the list nor its export (403)', async () => {
    for (const url of [c.list, c.export]) expect((await users.wushan!.req('GET', url)).status, url).toBe(403);
  });
});

describe('the permit list other modules read', () => {
  it('narrows by status (every demo permit is published: another status gives none)', async () => {
    const everything = await all(LISTS[0]!, '');
    expect((await page(LISTS[0]!, 'status=published')).total).toBe(everything.length);
    expect((await page(LISTS[0]!, 'status=accepted')).total).toBe(0);
    expect((await exportOf(LISTS[0]!, 'status=accepted')).rows).toHaveLength(0);
  });

  it('narrows by 许可事项, and its export too', async () => {
    const everything = await all(LISTS[0]!, '');
    const itemId = String(everything.at(-1)!.itemId);
    const rows = await all(LISTS[0]!, `itemId=${itemId}`);
    expect(rows.length).toBe(everything.filter((r) => r.itemId === itemId).length);
    expect(rows.length).toBeLessThan(everything.length);
    expect((await exportOf(LISTS[0]!, `itemId=${itemId}`)).rows.length).toBe(rows.length);
  });

  it("still finds a permit for a litigation case's challenged act (listLicensingPermits)", async () => {
    const some = (await page(LISTS[0]!, 'pageSize=1')).items[0]!;
    const r = await users.legal!.req(
      'GET',
      `/api/litigation/act-records?actKind=${encodeURIComponent('行政许可')}&q=${encodeURIComponent(String(some.caseNo))}`,
    );
    expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(200);
    expect(r.body.data.map((x: { id: string }) => x.id)).toContain(some.id);
  });
});
