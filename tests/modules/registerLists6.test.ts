/**
 * The registers' lists on the one list component's server side (issue 14 item 4), sixth part: the
 * 双随机、一公开 registers — 检查对象 (`/api/inspections/entities/list`), 执法检查人员
 * (`/api/inspections/inspectors/list`) and 抽查计划 (`/api/inspections/plans/list`) — a page with its
 * total, sort on each whitelisted (indexed) column across pages, any other sort refused naming `sort`,
 * filters, the text search, and the data scope. None of the three has a ledger, so none has an export.
 * The old unpaged routes (the pick lists of the plan and record forms) still answer. The shape of
 * tests/modules/registerLists5.test.ts; one demo system for all.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../helpers/http.js';
import { listReader, type ListCase } from '../helpers/listCases.js';
import { serverSuite } from '../helpers/server.js';

const t = serverSuite({ admin: 'admin', enforcer: 'enforcer', viewer: 'viewer', wushan: 'wushan', yuancun: 'yuancun' });
const users: Record<string, Client> = {};
/** Items of the demo's list by their object kind. */
const itemOf: Record<string, string> = {};

beforeAll(async () => {
  for (const u of ['admin', 'enforcer', 'viewer', 'wushan', 'yuancun'] as const) users[u] = t[u];
  for (const i of (await t.enforcer.req('GET', '/api/inspections/items')).body.data as Array<{ id: string; entityKind: string }>) itemOf[i.entityKind] = i.id;
  // The demo has three plans (2022, 2023): more in other years and of other items, so pages and sorts have rows to order.
  for (const [year, title, kind, from, to] of [
    [2021, '2021年度取水户取水行为随机抽查', '取水户', '2021-05-01', '2021-07-31'],
    [2023, '2023年度河道管理范围内建设项目随机抽查', '河道管理范围内建设项目', '2023-08-01', '2023-10-31'],
    [2024, '2024年度在建工地排水随机抽查', '在建工地', '2024-03-01', '2024-05-31'],
    [2024, '2024年度取水户取水行为随机抽查', '取水户', '2024-06-01', '2024-08-31'],
  ] as const) {
    const r = await t.enforcer.req('POST', '/api/inspections/plans', { year, title, itemId: itemOf[kind], ratioPercent: 10, windowFrom: from, windowTo: to });
    expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(201);
  }
  // An inspector of another unit (the admin's), so the unit filter has rows to keep and to leave out.
  const r = await t.admin.req('POST', '/api/inspections/inspectors', { code: 'ZF-90', name: '单位筛选员', certNo: '44010699000001' });
  expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(201);
});

/** A register's list (no export: no ledger), as the shared reader takes it. */
interface RegisterList {
  name: string;
  list: string;
  sorts: Record<string, string>;
  /** Filters that narrow, each with the field it narrows and the value it keeps (read from the rows when a function). */
  filters: () => Array<{ query: string; field: string; value: unknown }>;
  /** The fields the text search looks in. */
  textFields: string[];
  /** A year's rows, as the server's year filter takes them (none: the register has no year). */
  yearField?: string;
}

const asCase = (c: RegisterList): ListCase => ({
  name: c.name,
  list: c.list,
  export: '',
  user: 'enforcer',
  sorts: c.sorts,
  filters: c.filters(),
  key: { header: '', field: 'id' },
  ledger: '',
  text: (r) => String(r[c.textFields[0]!]),
  yearField: c.yearField ?? '',
});
const suite = { app: () => t.app, users };
const { page, all } = listReader(suite);
/** The ids of an inspector of another unit than the demo's squad (set once read). */
let otherUnit = '';

const LISTS: RegisterList[] = [
  {
    name: '检查对象 (entities)',
    list: '/api/inspections/entities/list',
    sorts: { code: 'code', name: 'name', kind: 'kind', street: 'street' },
    filters: () => [
      { query: `kind=${encodeURIComponent('取水户')}`, field: 'kind', value: '取水户' },
      { query: `street=${encodeURIComponent('五山街道')}`, field: 'street', value: '五山街道' },
    ],
    textFields: ['code', 'name', 'uscc'],
  },
  {
    name: '执法检查人员 (inspectors)',
    list: '/api/inspections/inspectors/list',
    sorts: { code: 'code', name: 'name', certNo: 'certNo' },
    filters: () => (otherUnit ? [{ query: `orgId=${otherUnit}`, field: 'orgId', value: otherUnit }] : []),
    textFields: ['code', 'name', 'certNo'],
  },
  {
    name: '抽查计划 (plans)',
    list: '/api/inspections/plans/list',
    sorts: { year: 'year', title: 'title', windowFrom: 'windowFrom' },
    filters: () => (itemOf.取水户 ? [{ query: `itemId=${itemOf.取水户}`, field: 'itemId', value: itemOf.取水户 }] : []),
    textFields: ['title', 'itemName'],
    yearField: 'year',
  },
];

const sortedAs = (values: unknown[], order: 'asc' | 'desc') => {
  const present = values.filter((v) => v != null);
  const s = [...present].sort((a, b) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0));
  return [...(order === 'asc' ? s : s.reverse()), ...Array<null>(values.length - present.length).fill(null)];
};

describe.each(LISTS)('$name', (rl) => {
  beforeAll(async () => {
    if (!otherUnit) otherUnit = ((await all(asCase(LISTS[1]!), 'q=ZF-90'))[0]?.orgId as string) ?? '';
  });

  it('answers a page and the filtered total; the page size is kept', async () => {
    const c = asCase(rl);
    const first = await page(c, 'pageSize=2');
    expect(first.total).toBeGreaterThan(2);
    expect(first.items).toHaveLength(2);
    const second = await page(c, 'pageSize=2&page=2');
    expect(second.total).toBe(first.total);
    expect(second.items.some((r) => first.items.some((x) => x.id === r.id))).toBe(false);
  });

  it.each(['asc', 'desc'] as const)('sorts on each whitelisted column (%s), server-side across pages', async (order) => {
    const c = asCase(rl);
    for (const [sort, field] of Object.entries(rl.sorts)) {
      const rows = await all(c, `sort=${sort}&order=${order}`);
      const values = rows.map((r) => r[field] ?? null);
      expect(values, `${sort} ${order}`).toEqual(sortedAs(values, order));
      const p2 = await page(c, `sort=${sort}&order=${order}&pageSize=3&page=2`);
      expect(
        p2.items.map((r) => r.id),
        `${sort} ${order} page 2`,
      ).toEqual(rows.slice(3, 6).map((r) => r.id));
    }
  });

  it.each(['version', 'org.name; drop table org', 'created_at', 'uscc'])('refuses sort=%s naming sort', async (sort) => {
    const r = await users.enforcer!.req('GET', `${rl.list}?sort=${encodeURIComponent(sort)}`);
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ code: 'VALIDATION', field: 'sort' });
    expect(r.body.message).toContain('可排序的列');
    expect(r.body.message).toContain(sort);
  });

  it('each filter narrows to exactly its rows; the year and the text too', async () => {
    const c = asCase(rl);
    const everything = await all(c, '');
    expect(c.filters.length).toBeGreaterThan(0);
    for (const f of c.filters) {
      const rows = await all(c, f.query);
      expect(rows.length, f.query).toBeGreaterThan(0);
      expect(rows.length, f.query).toBeLessThan(everything.length);
      expect(rows.every((r) => r[f.field] === f.value)).toBe(true);
      expect(rows.length).toBe(everything.filter((r) => r[f.field] === f.value).length);
    }
    if (rl.yearField)
      for (const year of ['2021', '2022', '2023', '2024']) {
        const ofYear = await all(c, `year=${year}`);
        expect(ofYear.length, year).toBeGreaterThan(0);
        expect(ofYear.map((r) => r.id).sort(), year).toEqual(
          everything
            .filter((r) => String(r[rl.yearField!]) === year)
            .map((r) => r.id)
            .sort(),
        );
      }
    // Each text field finds its row (a part of it, as typed); % and _ are characters, not wildcards.
    const some = everything.find((r) => rl.textFields.every((f) => r[f] != null)) ?? everything.at(-1)!;
    for (const f of rl.textFields) {
      const part = String(some[f]).slice(1, 8);
      const found = await all(c, `q=${encodeURIComponent(part)}`);
      expect(
        found.map((r) => r.id),
        `${f}: ${part}`,
      ).toContain(some.id);
      expect(
        found.every((r) => rl.textFields.some((x) => String(r[x] ?? '').includes(part))),
        part,
      ).toBe(true);
    }
    expect((await page(c, `q=${encodeURIComponent('没有这样的名称')}`)).total).toBe(0);
    for (const q of ['%', '_']) expect((await page(c, `q=${encodeURIComponent(q)}`)).total, q).toBe(0);
  });

  it('refuses a bad filter naming it, and needs a signed-in user', async () => {
    const r = await users.enforcer!.req('GET', `${rl.list}?${rl.yearField ? 'year=1900' : 'active=maybe'}`);
    expect(r.status).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: rl.list })).statusCode).toBe(401);
    expect((await users.enforcer!.req('GET', `${rl.list}?pageSize=500`)).status).toBe(400);
  });

  it("a street sees none of the bureau's rows, even asking for its unit", async () => {
    const c = asCase(rl);
    const bureau = await all(c, '');
    expect(bureau.length).toBeGreaterThan(0);
    expect((await page(c, '', 'wushan')).total).toBe(0);
    expect((await page(c, `orgId=${bureau[0]!.orgId}`, 'wushan')).total).toBe(0);
  });
});

describe('the registers’ own filters and the old callers', () => {
  it('在册/已停用: every entity and inspector of the demo is active', async () => {
    for (const rl of LISTS.slice(0, 2)) {
      const c = asCase(rl);
      const everything = await page(c, '');
      expect((await page(c, 'active=true')).total, rl.name).toBe(everything.total);
      expect((await page(c, 'active=false')).total, rl.name).toBe(0);
    }
  });

  it("the entity facets are the register's kinds and streets; the inspectors name their unit", async () => {
    const f = (await users.enforcer!.req('GET', '/api/inspections/entities/facets')).body.data;
    const everything = await all(asCase(LISTS[0]!), '');
    expect(f.kinds).toEqual([...new Set(everything.map((r) => r.kind as string))].sort());
    expect(f.streets).toEqual([...new Set(everything.map((r) => r.street as string))].sort());
    expect((await users.wushan!.req('GET', '/api/inspections/entities/facets')).body.data).toEqual({ kinds: [], streets: [] });
    const ins = await all(asCase(LISTS[1]!), '');
    expect(ins.every((r) => typeof r.orgName === 'string' && r.orgName)).toBe(true);
  });

  it('a plan row carries its item, its draw and the actions of the viewer (none for a viewer)', async () => {
    const plans = await all(asCase(LISTS[2]!), 'year=2022');
    expect(plans).toHaveLength(2);
    expect(plans.every((p) => p.drawnOn && p.itemName)).toBe(true);
    const undrawn = (await all(asCase(LISTS[2]!), 'year=2024'))[0]!;
    expect(undrawn.drawnOn).toBeNull();
    expect((undrawn.actions as Array<{ event: string; allowed: boolean }>).some((a) => a.allowed)).toBe(true);
    const seen = (await page(asCase(LISTS[2]!), 'year=2024', 'viewer')).items[0]!;
    expect((seen.actions as Array<{ allowed: boolean }>).some((a) => a.allowed)).toBe(false);
  });

  it('the unpaged registers still answer (the plan and record forms pick from them), and name the conflicts', async () => {
    const entities = await users.enforcer!.req('GET', '/api/inspections/entities');
    expect(entities.body.data.length).toBe((await page(asCase(LISTS[0]!), '')).total);
    const water = await users.enforcer!.req('GET', `/api/inspections/entities?kind=${encodeURIComponent('取水户')}`);
    expect(water.body.data).toHaveLength(8);
    const inspectors = await users.enforcer!.req('GET', '/api/inspections/inspectors');
    expect(inspectors.body.data.length).toBe((await page(asCase(LISTS[1]!), '')).total);
    const plans = await users.enforcer!.req('GET', '/api/inspections/plans');
    expect(plans.body.data.length).toBe((await page(asCase(LISTS[2]!), '')).total);
    expect((await users.enforcer!.req('GET', '/api/inspections/items')).body.data).toHaveLength(4);
    const conflicts = (await users.enforcer!.req('GET', '/api/inspections/conflicts')).body.data;
    expect(conflicts).toHaveLength(6);
    const names = new Set((inspectors.body.data as Array<{ name: string }>).map((i) => i.name));
    for (const c of conflicts) {
      expect(names.has(c.inspectorName)).toBe(true);
      expect(c.entityName).toBe((entities.body.data as Array<{ id: string; name: string }>).find((e) => e.id === c.entityId)!.name);
    }
  });
});
