/**
 * The lists still on their own tables, on the one list component's server side (issue 14 item 4):
 * penalty cases, clues, flood risk points and water samples — a page with its total, sort on each
 * whitelisted (indexed) column across pages, any other sort refused naming `sort`, a filter, the
 * export of exactly the filtered rows under the ledger's headers (the clue list's own titles), and a
 * street that sees none of another unit's rows in the list or the export. One demo system for the
 * four (the flood and rivers lists are here too: seeding the demo once is most of the time).
 */
import { describe, expect, it } from 'vitest';
import { serverSuite } from '../../helpers/server.js';
import { cellText, listReader, sortedAs, type Row } from '../../helpers/listCases.js';
import { assertExportable, containsPattern, LIST_EXPORT_CAP, sortOf } from '../../../src/core/lists.js';
import { AppError } from '../../../src/core/errors.js';
import { deadlineBounds } from '../../../src/core/calendar/trackedSql.js';
import { systemClock } from '../../../src/core/context.js';

const env = serverSuite({ admin: 'admin', enforcer: 'enforcer', flood: 'flood', wushan: 'wushan', yuancun: 'yuancun' });
type User = 'admin' | 'enforcer' | 'flood' | 'wushan' | 'yuancun';

interface ListCase {
  name: string;
  /** The list route. */
  list: string;
  /** The export route. */
  export: string;
  user: User;
  /** Each whitelisted column and the row's field showing it. */
  sorts: Record<string, string>;
  /** A filter, with the field it narrows and the value it keeps. */
  filter: { query: string; field: string; value: unknown };
  /** The export's first column (the record's number), and the row's field that is it. */
  key: { header: string; field: string };
  /** Where the number is not unique (a sample's date): the export's columns and the row's fields naming a record. */
  unique?: { headers: string[]; fields: string[] };
  /** The ledger whose headers the export carries (null: the clue list's own titles). */
  ledger: string | null;
  /** A query giving many rows (sorted tests check ordering across pages). */
  wide: string;
  /** Two street users: the one whose rows are checked, the other who must not see them; `filterOf`: the list's filter naming a row's unit (or river). */
  streets?: { owner: User; other: User; filterOf?: (r: Row) => string };
}

const LISTS: ListCase[] = [
  {
    name: 'penalty cases',
    list: '/api/enforcement/cases/list',
    export: '/api/enforcement/cases/export',
    user: 'admin',
    sorts: { caseNo: 'caseNo', filedOn: 'filedOn', decidedOn: 'decidedOn', closedOn: 'closedOn' },
    filter: { query: 'stage=closed', field: 'stage', value: 'closed' },
    key: { header: '案件编号', field: 'caseNo' },
    ledger: 'penalty-cases',
    wide: '',
    streets: { owner: 'wushan', other: 'yuancun' },
  },
  {
    name: 'clues',
    list: '/api/enforcement/clues/list',
    export: '/api/enforcement/clues/export',
    user: 'admin',
    sorts: { clueNo: 'clueNo', receivedOn: 'receivedOn' },
    filter: { query: 'status=case', field: 'status', value: 'case' },
    key: { header: '线索编号', field: 'clueNo' },
    ledger: null,
    wide: '',
    streets: { owner: 'wushan', other: 'yuancun' },
  },
  {
    name: 'flood risk points',
    list: '/api/flood/risk-points/list',
    export: '/api/flood/risk-points/export',
    user: 'flood',
    sorts: { code: 'code', registeredOn: 'registeredOn', completedOn: 'completedOn' },
    filter: { query: `status=${encodeURIComponent('已完成')}`, field: 'status', value: '已完成' },
    key: { header: '编号', field: 'code' },
    ledger: 'flood-risk-points',
    wide: '',
    streets: { owner: 'wushan', other: 'yuancun' },
  },
  {
    name: 'water samples',
    list: '/api/water-samples/list',
    export: '/api/water-samples/export',
    user: 'flood',
    sorts: { sampledOn: 'sampledOn', gbClass: 'gbClass' },
    filter: { query: `gbClass=${encodeURIComponent('劣V')}`, field: 'gbClass', value: '劣V' },
    key: { header: '采样日期', field: 'sampledOn' },
    unique: { headers: ['河涌名称', '断面', '采样日期'], fields: ['river', 'section', 'sampledOn'] },
    ledger: 'water-samples',
    wide: 'year=2022',
    streets: { owner: 'wushan', other: 'yuancun', filterOf: (r) => `riverId=${r.riverId}` },
  },
];

const { page, all, exportOf } = listReader(env);

describe.each(LISTS)('$name', (c) => {
  it('answers a page and the filtered total; the page size is kept', async () => {
    const first = await page(c, `${c.wide}&pageSize=5`);
    expect(first.total).toBeGreaterThan(5);
    expect(first.items).toHaveLength(5);
    const second = await page(c, `${c.wide}&pageSize=5&page=2`);
    expect(second.total).toBe(first.total);
    expect(second.items.map((r) => r.id).some((id) => first.items.some((x) => x.id === id))).toBe(false);
  });

  it.each(['asc', 'desc'] as const)('sorts on each whitelisted column (%s), server-side across pages', async (order) => {
    for (const [sort, field] of Object.entries(c.sorts)) {
      const rows = await all(c, `${c.wide}&sort=${sort}&order=${order}`);
      const values = rows.map((r) => (r[field] === undefined ? null : r[field]));
      expect(values, `${sort} ${order}`).toEqual(sortedAs(values, order));
      const p2 = await page(c, `${c.wide}&sort=${sort}&order=${order}&pageSize=7&page=2`);
      expect(
        p2.items.map((r) => r.id),
        `${sort} ${order} page 2`,
      ).toEqual(rows.slice(7, 14).map((r) => r.id));
    }
  });

  it.each(['version', 'org.name; drop table org', 'created_at'])('refuses sort=%s naming 排序 (the field sort), in the list and the export', async (sort) => {
    for (const url of [c.list, c.export]) {
      const r = await env[c.user].req('GET', `${url}?sort=${encodeURIComponent(sort)}`);
      expect(r.status).toBe(400);
      expect(r.body).toMatchObject({ code: 'VALIDATION', field: 'sort' });
      expect(r.body.message).toContain('可排序的列');
    }
  });

  it('a filter narrows to exactly its rows', async () => {
    const everything = await all(c, c.wide);
    const rows = await all(c, `${c.wide}&${c.filter.query}`);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(everything.length);
    expect(rows.every((r) => r[c.filter.field] === c.filter.value)).toBe(true);
    expect(rows.length).toBe(everything.filter((r) => r[c.filter.field] === c.filter.value).length);
  });

  it("exports exactly the filtered list's rows, in its order, under the ledger's headers", async () => {
    const sorts = Object.keys(c.sorts);
    for (const query of [`${c.wide}&${c.filter.query}`, `${c.wide}&sort=${sorts[sorts.length - 1]}&order=desc`]) {
      const rows = await all(c, query);
      const table = await exportOf(c, query);
      expect(table.rows.length, query).toBe(rows.length);
      expect(
        table.rows.map((r) => cellText(r.cells[c.key.header])),
        query,
      ).toEqual(rows.map((r) => String(r[c.key.field])));
      if (c.ledger) {
        const ledger = (await env[c.user].req('GET', '/api/ledgers')).body.data.find((l: { key: string }) => l.key === c.ledger);
        expect(table.headers).toEqual(ledger.columns.map((x: { header: string }) => x.header));
      } else expect(table.headers.slice(0, 3)).toEqual(['线索编号', '收到日期', '来源']);
    }
  });

  it('needs a signed-in user', async () => {
    expect((await env.app.inject({ method: 'GET', url: c.list })).statusCode).toBe(401);
    expect((await env.app.inject({ method: 'GET', url: c.export })).statusCode).toBe(401);
  });

  it.runIf(!!c.streets)("a street sees none of another unit's rows in the list or the export", async () => {
    const { owner, other } = c.streets!;
    const mine = await all(c, '', owner);
    expect(mine.length).toBeGreaterThan(0);
    const orgIds = new Set(mine.map((r) => r.orgId));
    expect(orgIds.size).toBe(1);
    const theirs = await all(c, '', other);
    expect(theirs.every((r) => !orgIds.has(r.orgId))).toBe(true);
    // Even asking for the other street's unit (a sample: its river) by id: nothing.
    const named = (c.streets!.filterOf ?? ((r: Row) => `orgId=${r.orgId}`))(mine[0]!);
    expect((await page(c, named, owner)).total).toBeGreaterThan(0);
    expect((await page(c, named, other)).total).toBe(0);
    const table = await exportOf(c, named, other);
    expect(table.rows).toHaveLength(0);
    const own = await exportOf(c, '', other);
    expect(own.rows.length).toBe(theirs.length);
    const { headers, fields } = c.unique ?? { headers: [c.key.header], fields: [c.key.field] };
    const mineKeys = new Set(mine.map((r) => fields.map((f) => cellText(r[f] ?? '')).join('|')));
    expect(own.rows.some((r) => mineKeys.has(headers.map((h) => cellText(r.cells[h] ?? '')).join('|')))).toBe(false);
  });
});

describe('the search text', () => {
  it('is matched as typed in the case list: % and _ are characters, not wildcards', async () => {
    const c = LISTS[0]!;
    const some = (await all(c, '')).at(0)!;
    expect((await page(c, `q=${encodeURIComponent(String(some.caseNo))}`)).total).toBeGreaterThan(0);
    for (const q of ['%', '_', '天水%执']) expect((await page(c, `q=${encodeURIComponent(q)}`)).total, q).toBe(0);
  });
});

describe('the case list by deadline', () => {
  it('keeps exactly the cases with a tracked deadline open in that state (作出决定、送达、缴纳罚款), on the list and its export', async () => {
    const c = LISTS[0]!;
    // The server's clock is the system's: today in Beijing.
    const bounds = deadlineBounds(env.sys.calendar.current, systemClock.today());
    const tracked = async (state: 'overdue' | 'due_soon') => {
      const rows = await env.sys.db
        .selectFrom('tracked_deadline')
        .select('entity_id')
        .distinct()
        .where('entity', '=', 'enforcement.case')
        .where('done_on', 'is', null)
        .$if(state === 'overdue', (q) => q.where('due_date', '<', bounds.today))
        .$if(state === 'due_soon', (q) => q.where('due_date', '>=', bounds.today).where('due_date', '<', bounds.soonBefore))
        .execute();
      return rows.map((r) => r.entity_id).sort();
    };
    const overdue = await tracked('overdue');
    // The demo's cases of early 2023 still open are long overdue: the filter has something to keep.
    expect(overdue.length).toBeGreaterThan(0);
    for (const state of ['overdue', 'due_soon'] as const) {
      const listed = (await all(c, `deadline=${state}`)).map((r) => r.id).sort();
      expect(listed, state).toEqual(state === 'overdue' ? overdue : await tracked(state));
      expect((await exportOf(c, `deadline=${state}`)).rows.length, state).toBe(listed.length);
    }
    const r = await env.admin.req('GET', `${c.list}?deadline=late`);
    expect(r.status).toBe(400);
  });
});

describe('the kernel list helper', () => {
  const sortable = { a: { column: 't.a', label: '甲' }, b: { column: 't.b', label: '乙' } } as const;

  it('takes a whitelisted sort (asc by default) and refuses any other naming sort and the columns by title', () => {
    expect(sortOf(sortable, {})).toBeUndefined();
    expect(sortOf(sortable, { sort: 'a' })).toEqual({ column: 'a', order: 'asc' });
    expect(sortOf(sortable, { sort: 'b', order: 'desc' })).toEqual({ column: 'b', order: 'desc' });
    for (const bad of ['c', 'toString', '__proto__', 't.a']) {
      const e = (() => {
        try {
          sortOf(sortable, { sort: bad });
        } catch (x) {
          return x;
        }
      })();
      expect(e, bad).toBeInstanceOf(AppError);
      expect(e).toMatchObject({ field: 'sort', status: 400 });
      expect((e as AppError).message).toContain('可排序的列：甲、乙');
    }
  });

  it('caps an export at 50,000 rows: the last allowed, the first refused (413 saying so)', () => {
    expect(LIST_EXPORT_CAP).toBe(50_000);
    expect(() => assertExportable(50_000)).not.toThrow();
    let e: unknown;
    try {
      assertExportable(50_001);
    } catch (x) {
      e = x;
    }
    expect(e).toMatchObject({ status: 413, code: 'TOO_LARGE' });
    expect((e as AppError).message).toContain('50001');
  });

  it('escapes LIKE wildcards in a search text', () => {
    expect(containsPattern('a%b_c\\d')).toBe('%a\\%b\\_c\\\\d%');
  });
});
