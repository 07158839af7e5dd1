/**
 * Lists that stay fast at a million rows (issue #17 item 2): keyset pagination with an opaque
 * cursor (pages by cursor are the pages by offset, no row twice or missing, ties broken by the
 * id), a tampered or foreign cursor refused naming the field, page numbers only for the first
 * 10,000 rows, the total counted up to a cap, and the default order read from its index.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { CompiledQuery, sql } from 'kysely';
import { login } from '../../helpers/http.js';
import { systemActor } from '../../../src/core/context.js';
import { countCapped, LIST_COUNT_CAP } from '../../../src/core/lists.js';
import { demandKindsOf } from '../../../src/modules/demands/kinds.js';
import { dm, listItemsQuery } from '../../../src/modules/demands/repository.js';
import { serverSuite } from '../../helpers/server.js';

const env = serverSuite({ clerk: 'clerk' });
beforeAll(async () => {
  // Three orders received at the same instant with the same time limit: ties on every sort key but the id.
  for (const no of ['GZ-TIE-1', 'GZ-TIE-2', 'GZ-TIE-3']) {
    const r = await env.clerk.req('POST', '/api/hotline/push', {
      orderNo: no,
      receivedAt: '2022-09-29 10:15',
      demandType: '投诉',
      title: '同时受理',
      content: '同一时刻受理的三件',
      location: '天河路1号',
      unitName: '排水管理科',
      timeLimit: 3,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
  }
});

interface Item {
  id: string;
  refNo: string;
}
interface ListPage {
  total: number;
  totalCapped: boolean;
  cursor: string | null;
  items: Item[];
}
const list = async (query: string): Promise<ListPage> => {
  const r = await env.clerk.req('GET', `/api/hotline/items?${query}`);
  expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(200);
  return r.body.data;
};
/** Every row by page number (200 a page). */
const byOffset = async (query: string): Promise<Item[]> => {
  const out: Item[] = [];
  for (let page = 1; ; page++) {
    const r = await list(`${query}&pageSize=200&page=${page}`);
    out.push(...r.items);
    if (!r.items.length || out.length >= r.total) return out;
  }
};
/** Every row by cursor, `size` a page: each page's cursor reads the next; the last page has none. */
const byCursor = async (query: string, size: number): Promise<Item[]> => {
  const out: Item[] = [];
  let r = await list(`${query}&pageSize=${size}`);
  for (;;) {
    out.push(...r.items);
    if (!r.cursor) return out;
    expect(r.items).toHaveLength(size);
    r = await list(`${query}&pageSize=${size}&after=${r.cursor}`);
  }
};

describe('pages by cursor', () => {
  it.each([
    ['the default order (open first by due date, then the newest)', 'year=2022'],
    ['dueOn asc (ties on the date)', 'year=2022&sort=dueOn&order=asc'],
    ['receivedAt desc', 'year=2022&sort=receivedAt&order=desc'],
    ['closedAt desc (open ones, without a date, last)', 'year=2022&sort=closedAt&order=desc'],
    ['closedAt asc', 'sort=closedAt&order=asc'],
    ['refNo asc, filtered by status', 'status=closed&sort=refNo&order=asc'],
  ])('%s: the same rows as by page number, none twice, none missing', async (_name, query) => {
    const offset = await byOffset(query);
    expect(offset.length).toBeGreaterThan(20);
    const cursor = await byCursor(query, 13);
    expect(cursor.map((i) => i.id)).toEqual(offset.map((i) => i.id));
    expect(new Set(cursor.map((i) => i.id)).size).toBe(cursor.length);
  });

  it('rows tied on every key but the id come by id, across a page boundary', async () => {
    const all = await byOffset('q=GZ-TIE');
    expect(all).toHaveLength(3);
    const ids = all.map((i) => i.id);
    expect(ids).toEqual([...ids].sort());
    const first = await list('q=GZ-TIE&pageSize=2');
    expect(first.items.map((i) => i.id)).toEqual(ids.slice(0, 2));
    expect(first.cursor).toBeTruthy();
    const next = await list(`q=GZ-TIE&pageSize=2&after=${first.cursor}`);
    expect(next.items.map((i) => i.id)).toEqual(ids.slice(2));
    expect(next.cursor).toBeNull();
  });

  it('the last page has no cursor; a page has one when a row follows', async () => {
    const r = await list('q=GZ-TIE&pageSize=3');
    expect(r.items).toHaveLength(3);
    expect(r.cursor).toBeNull();
  });
});

describe('a cursor is checked on the way in', () => {
  const refused = async (after: string, query = '') => {
    const r = await env.clerk.req('GET', `/api/hotline/items?pageSize=5${query}&after=${encodeURIComponent(after)}`);
    expect(r.status, JSON.stringify(r.body)).toBe(400);
    expect(r.body).toMatchObject({ code: 'VALIDATION', field: 'after' });
    expect(r.body.message).toContain('游标');
  };
  it('tampered, garbage, foreign (another order) or with a value of the wrong shape → 400 naming `after`', async () => {
    const { cursor } = await list('pageSize=5');
    expect(cursor).toBeTruthy();
    const json = JSON.parse(Buffer.from(cursor!, 'base64url').toString('utf8')) as unknown[];
    const enc = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    await refused(`${cursor!.slice(0, -3)}xyz`);
    await refused('not a cursor!');
    await refused(enc({ a: 1 }));
    await refused(cursor!, '&sort=dueOn&order=asc');
    await refused(enc([json[0], json[1], 'not-a-date', json[3], json[4]]));
    await refused(enc([json[0], json[1], json[2], json[3], "1' OR 1=1 --"]));
    await refused(enc(json.slice(0, 4)));
    // The untouched cursor reads on.
    expect((await list(`pageSize=5&after=${cursor}`)).items).toHaveLength(5);
  });
});

describe('page numbers and counts', () => {
  it('page numbers reach the first 10,000 rows; deeper is refused naming `page` (the cursor goes on)', async () => {
    expect((await env.clerk.req('GET', '/api/hotline/items?page=200&pageSize=50')).status).toBe(200);
    const r = await env.clerk.req('GET', '/api/hotline/items?page=201&pageSize=50');
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ code: 'VALIDATION', field: 'page' });
  });

  it('the total is exact below the cap (totalCapped false) and the cap with totalCapped past it', async () => {
    const r = await list('year=2022&pageSize=5');
    expect(r.totalCapped).toBe(false);
    expect(r.total).toBe((await byOffset('year=2022')).length);
    expect(LIST_COUNT_CAP).toBe(10_000);
    const q = dm(env.sys.db).selectFrom('dm_item').select('id').where('tenant_id', '=', env.tenantId).where('kind', '=', 'hotline');
    const n = Number(
      (
        await q
          .clearSelect()
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(n).toBeGreaterThan(10);
    expect(await countCapped(env.sys.db, q, 10)).toEqual({ total: 10, capped: true });
    expect(await countCapped(env.sys.db, q, n)).toEqual({ total: n, capped: false });
    expect(await countCapped(env.sys.db, q, n - 1)).toEqual({ total: n - 1, capped: true });
  });
});

describe('the overview counts in SQL', () => {
  it("its counts are the list's clock statuses (every open 12345 order judged one by one), per kind and per unit", async () => {
    const leader = await login(env.app, 'leader');
    const o = (await leader.req('GET', '/api/demands/overview')).body.data;
    const open: Array<Item & { clockStatus: string; orgId: string }> = [];
    for (let page = 1; ; page++) {
      const r = (await leader.req('GET', `/api/hotline/items?status=open&pageSize=200&page=${page}`)).body.data;
      open.push(...r.items);
      if (!r.items.length || open.length >= r.total) break;
    }
    const n = (s: string) => open.filter((i) => i.clockStatus === s).length;
    const hot = o.byKind.find((k: { kind: string }) => k.kind === 'hotline');
    expect(hot).toMatchObject({ open: open.length, overdue: n('overdue'), dueSoon: n('due_soon'), paused: n('paused') });
    expect(hot.overdue).toBeGreaterThan(0);
    const sum = (k: 'open' | 'overdue' | 'dueSoon') => o.byKind.reduce((a: number, x: Record<string, number>) => a + x[k]!, 0);
    for (const k of ['open', 'overdue', 'dueSoon'] as const)
      expect(
        o.byUnit.reduce((a: number, x: Record<string, number>) => a + x[k]!, 0),
        k,
      ).toBe(sum(k));
    const overdueIds = open.filter((i) => i.clockStatus === 'overdue').map((i) => i.id);
    const listed = o.overdue.filter((i: { kind: string }) => i.kind === 'hotline').map((i: Item) => i.id);
    expect(listed.sort()).toEqual(overdueIds.sort());
    expect(o.overdue.every((i: { clockStatus: string }) => i.clockStatus === 'overdue')).toBe(true);
    expect(o.dueSoon.every((i: { clockStatus: string }) => i.clockStatus === 'due_soon')).toBe(true);
  });
});

describe('the default order is read from its index (EXPLAIN)', () => {
  /** The plan of a list's page with sorting and sequential scans priced out: a Sort node means no index gives the order. */
  const plan = async (f: { after?: string; status?: 'open' }) => {
    const ctx = env.sys.ctx(systemActor(env.tenantId));
    const hotline = demandKindsOf(env.sys.registry).find((k) => k.kind === 'hotline')!;
    const c = listItemsQuery(ctx, { kinds: [hotline], limit: 50, offset: 0, ...f });
    return env.sys.db.transaction().execute(async (trx) => {
      await sql`SET LOCAL enable_sort = off`.execute(trx);
      await sql`SET LOCAL enable_incremental_sort = off`.execute(trx);
      await sql`SET LOCAL enable_seqscan = off`.execute(trx);
      const r = await trx.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`EXPLAIN ${c.sql}`, [...c.parameters]));
      return r.rows.map((x) => x['QUERY PLAN']).join('\n');
    });
  };

  it('the first page: an index scan of dm_item_list_default, no sort', async () => {
    const p = await plan({});
    expect(p).toContain('dm_item_list_default');
    expect(p).not.toMatch(/\bSort\b/);
    const open = await plan({ status: 'open' });
    expect(open).toContain('dm_item_list_default');
    expect(open).not.toMatch(/\bSort\b/);
  });

  it("a cursor's page: a seek on the index (the leading keys in its Index Cond), no sort", async () => {
    const { cursor } = await list('pageSize=5');
    const p = await plan({ after: cursor! });
    expect(p).toContain('dm_item_list_default');
    expect(p).not.toMatch(/\bSort\b/);
    expect(p).toMatch(/Index Cond: .*ROW\(/);
  });
});
