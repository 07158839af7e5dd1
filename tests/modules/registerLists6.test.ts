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
import { describeLists, listReader, type ListCase } from '../helpers/listCases.js';
import { serverSuite } from '../helpers/server.js';

const t = serverSuite({ admin: 'admin', enforcer: 'enforcer', viewer: 'viewer', wushan: 'wushan', yuancun: 'yuancun' });
const { page, all } = listReader(t);
/** Items of the demo's list by their object kind. */
const itemOf: Record<string, string> = {};
/** The unit of an inspector of another unit than the demo's squad (set once read). */
let otherUnit = '';

beforeAll(async () => {
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
  otherUnit = String((await all(LISTS[1]!, 'q=ZF-90'))[0]!.orgId);
});

/** What the three registers share: the 双随机 officer reads them; no ledger, so no export; none of a street's. */
const REGISTER = {
  user: 'enforcer',
  refusedSorts: ['version', 'org.name; drop table org', 'created_at', 'uscc'],
  streets: 'none',
} as const;

const LISTS: ListCase[] = [
  {
    ...REGISTER,
    name: '检查对象 (entities)',
    list: '/api/inspections/entities/list',
    sorts: { code: 'code', name: 'name', kind: 'kind', street: 'street' },
    filters: [
      { query: `kind=${encodeURIComponent('取水户')}`, field: 'kind', value: '取水户' },
      { query: `street=${encodeURIComponent('五山街道')}`, field: 'street', value: '五山街道' },
    ],
    textFields: ['code', 'name', 'uscc'],
    badFilter: 'active=maybe',
  },
  {
    ...REGISTER,
    name: '执法检查人员 (inspectors)',
    list: '/api/inspections/inspectors/list',
    sorts: { code: 'code', name: 'name', certNo: 'certNo' },
    get filters() {
      return [{ query: `orgId=${otherUnit}`, field: 'orgId', value: otherUnit }];
    },
    textFields: ['code', 'name', 'certNo'],
    badFilter: 'active=maybe',
  },
  {
    ...REGISTER,
    name: '抽查计划 (plans)',
    list: '/api/inspections/plans/list',
    sorts: { year: 'year', title: 'title', windowFrom: 'windowFrom' },
    get filters() {
      return [{ query: `itemId=${itemOf.取水户}`, field: 'itemId', value: itemOf.取水户 }];
    },
    textFields: ['title', 'itemName'],
    yearField: 'year',
    years: ['2021', '2022', '2023', '2024'],
    yearNarrows: true,
  },
];

describeLists(LISTS, t);

describe('the registers’ own filters and the old callers', () => {
  it('在册/已停用: every entity and inspector of the demo is active', async () => {
    for (const c of LISTS.slice(0, 2)) {
      const everything = await page(c, '');
      expect((await page(c, 'active=true')).total, c.name).toBe(everything.total);
      expect((await page(c, 'active=false')).total, c.name).toBe(0);
    }
  });

  it("the entity facets are the register's kinds and streets; the inspectors name their unit", async () => {
    const f = (await t.enforcer.req('GET', '/api/inspections/entities/facets')).body.data;
    const everything = await all(LISTS[0]!, '');
    expect(f.kinds).toEqual([...new Set(everything.map((r) => r.kind as string))].sort());
    expect(f.streets).toEqual([...new Set(everything.map((r) => r.street as string))].sort());
    expect((await t.wushan.req('GET', '/api/inspections/entities/facets')).body.data).toEqual({ kinds: [], streets: [] });
    const ins = await all(LISTS[1]!, '');
    expect(ins.every((r) => typeof r.orgName === 'string' && r.orgName)).toBe(true);
  });

  it('a plan row carries its item, its draw and the actions of the viewer (none for a viewer)', async () => {
    const plans = await all(LISTS[2]!, 'year=2022');
    expect(plans).toHaveLength(2);
    expect(plans.every((p) => p.drawnOn && p.itemName)).toBe(true);
    const undrawn = (await all(LISTS[2]!, 'year=2024'))[0]!;
    expect(undrawn.drawnOn).toBeNull();
    expect((undrawn.actions as Array<{ event: string; allowed: boolean }>).some((a) => a.allowed)).toBe(true);
    const seen = (await page(LISTS[2]!, 'year=2024', 'viewer')).items[0]!;
    expect((seen.actions as Array<{ allowed: boolean }>).some((a) => a.allowed)).toBe(false);
  });

  it('the unpaged registers still answer (the plan and record forms pick from them), and name the conflicts', async () => {
    const entities = await t.enforcer.req('GET', '/api/inspections/entities');
    expect(entities.body.data.length).toBe((await page(LISTS[0]!, '')).total);
    const water = await t.enforcer.req('GET', `/api/inspections/entities?kind=${encodeURIComponent('取水户')}`);
    expect(water.body.data).toHaveLength(8);
    const inspectors = await t.enforcer.req('GET', '/api/inspections/inspectors');
    expect(inspectors.body.data.length).toBe((await page(LISTS[1]!, '')).total);
    const plans = await t.enforcer.req('GET', '/api/inspections/plans');
    expect(plans.body.data.length).toBe((await page(LISTS[2]!, '')).total);
    expect((await t.enforcer.req('GET', '/api/inspections/items')).body.data).toHaveLength(4);
    const conflicts = (await t.enforcer.req('GET', '/api/inspections/conflicts')).body.data;
    expect(conflicts).toHaveLength(6);
    const names = new Set((inspectors.body.data as Array<{ name: string }>).map((i) => i.name));
    for (const c of conflicts) {
      expect(names.has(c.inspectorName)).toBe(true);
      expect(c.entityName).toBe((entities.body.data as Array<{ id: string; name: string }>).find((e) => e.id === c.entityId)!.name);
    }
  });
});
