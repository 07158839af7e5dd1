/**
 * The registers' lists on the one list component's server side (issue 14 item 4), fifth part: the flood
 * registers — 抢险投入 (`/api/flood/deployments/list`), 内涝治理项目 (`/api/flood/projects/list`), 值班
 * (`/api/flood/duty/list`), 抗旱防咸预警 (`/api/flood/warnings/list`) and 水利工程防汛责任人
 * (`/api/flood/works/list`) — a page with its total, sort on each whitelisted (indexed) column across pages,
 * any other sort refused naming `sort`, filters, the export of exactly the filtered rows under the ledger's
 * headers, and the data scope — all by the shared `describeLists`, each case saying where its register
 * differs (a project's year is started or completed in it; deployments are all the flood office's, so no unit
 * filter narrows them; works have no year; warnings have no ledger, so no export), as is 系统 → 用户
 * (`/api/users/list`: no year, no export, never a password hash). The flood registers' data scope is checked
 * below.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { serverSuite } from '../helpers/server.js';
import { cellText, describeLists, listReader, type ListCase, type Row } from '../helpers/listCases.js';

const t = serverSuite({ admin: 'admin', flood: 'flood', viewer: 'viewer', wushan: 'wushan', yuancun: 'yuancun' });

beforeAll(async () => {
  // The demo has one warning (2022): a few more in other years, so pages and sorts have rows to order.
  for (const [title, level, startsOn, endsOn] of [
    ['2023年春季咸潮预警', '黄色', '2023-02-10', '2023-03-05'],
    ['2023年秋季干旱预警', '蓝色', '2023-10-01', null],
    ['2021年冬季咸潮预警', '橙色', '2021-12-01', '2022-01-20'],
  ] as const) {
    const r = await t.flood.req('POST', '/api/flood/warnings', { title, level, startsOn, endsOn });
    expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(201);
  }
});

const DUTY: ListCase = {
  name: 'duty lines',
  list: '/api/flood/duty/list',
  export: '/api/flood/duty/export',
  user: 'flood',
  sorts: { date: 'date', person: 'person' },
  filters: [
    { query: `role=${encodeURIComponent('A角')}`, field: 'role', value: 'A角' },
    { query: `shift=${encodeURIComponent('全天')}`, field: 'shift', value: '全天' },
  ],
  key: { header: '日期', field: 'date' },
  ledger: 'duty-roster',
  text: (r) => String(r.person),
  yearField: 'date',
  streets: 'none',
};

/** Day values as text (null: none), for the year rules. */
const dayOf = (v: unknown) => (v == null ? '' : String(v));
/** The years the flood registers' year filter is checked on. */
const YEARS = ['2021', '2022', '2023'];
/** The other flood registers (see the file's head); their scope is checked below. */
const FLOOD_LISTS: ListCase[] = [
  {
    name: 'deployments',
    list: '/api/flood/deployments/list',
    export: '/api/flood/deployments/export',
    ledger: 'flood-deployments',
    key: { header: '事件', field: 'event' },
    exportQueries: ['sort=event&order=desc', 'year=2023', ''],
    user: 'flood',
    sorts: { onDate: 'onDate', event: 'event' },
    filters: [],
    inYear: (r, y) => dayOf(r.onDate).startsWith(y),
    years: YEARS,
    text: (r) => String(r.event),
    refusedSorts: ['version', 'org.name; drop table org', 'created_at'],
    streets: 'apart',
  },
  {
    name: 'projects',
    list: '/api/flood/projects/list',
    export: '/api/flood/projects/export',
    ledger: 'flood-projects',
    key: { header: '名称', field: 'name' },
    exportQueries: [`kind=${encodeURIComponent('内涝治理项目')}`, `status=${encodeURIComponent('实施中')}`, 'sort=completedOn&order=desc', 'year=2023', ''],
    user: 'flood',
    sorts: { name: 'name', startedOn: 'startedOn', completedOn: 'completedOn' },
    filters: [
      { query: `kind=${encodeURIComponent('内涝治理项目')}`, field: 'kind', value: '内涝治理项目' },
      { query: `status=${encodeURIComponent('实施中')}`, field: 'status', value: '实施中' },
    ],
    inYear: (r, y) => dayOf(r.startedOn).startsWith(y) || dayOf(r.completedOn).startsWith(y),
    years: YEARS,
    text: (r) => String(r.name),
    refusedSorts: ['version', 'org.name; drop table org', 'created_at'],
    streets: 'apart',
  },
  {
    name: 'works',
    list: '/api/flood/works/list',
    export: '/api/flood/works/export',
    ledger: 'flood-works',
    key: { header: '工程名称', field: 'name' },
    exportQueries: [`kind=${encodeURIComponent('水闸')}`, 'sort=kind&order=desc', `q=${encodeURIComponent('泵')}`, ''],
    user: 'flood',
    sorts: { name: 'name', kind: 'kind' },
    filters: [{ query: `kind=${encodeURIComponent('水闸')}`, field: 'kind', value: '水闸' }],
    text: (r) => String((r.patrol as { name: string }).name),
    refusedSorts: ['version', 'org.name; drop table org', 'created_at'],
    streets: 'apart',
  },
  {
    name: 'drought warnings',
    list: '/api/flood/warnings/list',
    user: 'flood',
    sorts: { startsOn: 'startsOn', endsOn: 'endsOn' },
    filters: [{ query: `level=${encodeURIComponent('黄色')}`, field: 'level', value: '黄色' }],
    inYear: (r, y) => dayOf(r.startsOn) <= `${y}-12-31` && (r.endsOn == null || dayOf(r.endsOn) >= `${y}-01-01`),
    years: YEARS,
    text: (r) => String(r.title),
    refusedSorts: ['version', 'org.name; drop table org', 'created_at'],
    streets: 'apart',
  },
  {
    name: 'users (系统 → 用户)',
    list: '/api/users/list',
    user: 'admin',
    sorts: { username: 'username', displayName: 'displayName', orgName: 'orgName', roles: 'roles' },
    filters: [],
    text: (r) => String(r.username),
    refusedSorts: ['version', 'org.name; drop table org', 'created_at'],
    streets: 'apart',
  },
];

describeLists([DUTY, ...FLOOD_LISTS], t);
const { page, all, exportOf } = listReader(t);

describe('the data scope of the flood lists', () => {
  it("a street sees none of the flood office's deployments or warnings, in the list or the export, even asking for its unit", async () => {
    const office = (await page(FLOOD_LISTS[0]!, 'pageSize=1')).items[0]!;
    for (const fl of [FLOOD_LISTS[0]!, FLOOD_LISTS[3]!]) {
      expect((await page(fl, '', 'wushan')).total, fl.name).toBe(0);
      if (fl.export) expect((await exportOf(fl, `orgId=${office.orgId}`, 'wushan')).rows).toHaveLength(0);
    }
  });

  it.each([1, 2])("a street sees its own projects and works, none of another street's (list %i)", async (i) => {
    const c = FLOOD_LISTS[i]!;
    const mine = await all(c, '', 'wushan');
    const theirs = await all(c, '', 'yuancun');
    expect(mine.length + theirs.length).toBeGreaterThan(0);
    const mineIds = new Set(mine.map((r) => r.id));
    expect(theirs.some((r) => mineIds.has(r.id))).toBe(false);
    const own = new Set(mine.map((r) => r.orgId));
    expect(own.size).toBeLessThanOrEqual(1);
    const key = c.key!;
    const table = await exportOf(c, '', 'yuancun');
    expect(table.rows.length).toBe(theirs.length);
    const mineKeys = new Set(mine.map((r) => String(r[key.field])));
    expect(table.rows.some((r) => mineKeys.has(cellText(r.cells[key.header])))).toBe(false);
    // Even asking for the other street's unit by id: nothing.
    if (mine[0]) expect((await page(c, `orgId=${mine[0].orgId}`, 'yuancun')).total).toBe(0);
  });

  it('the duty and works lists mask phones for those who may not edit them, and the export too', async () => {
    const full = (await page(DUTY, 'pageSize=1', 'flood')).items[0]!;
    const masked = (await page(DUTY, 'pageSize=1', 'viewer')).items[0]!;
    expect(String(full.phone)).not.toContain('*');
    expect(String(masked.phone)).toContain('*');
    const works = FLOOD_LISTS[2]!;
    const w = (await page(works, 'pageSize=1', 'viewer')).items[0]! as Row & { admin: { phone: string } };
    expect(w.admin.phone).toContain('*');
    const table = await exportOf(works, '', 'viewer');
    expect(String(table.rows[0]!.cells.行政责任人电话)).toContain('*');
  });
});

describe('the old callers of the flood lists', () => {
  it('the unpaged routes still answer (the roster by month, the works with their disclosures, the year of deployments)', async () => {
    const duty = await t.flood.req('GET', '/api/flood/duty?from=2022-06-01&to=2022-06-30');
    expect(duty.status).toBe(200);
    expect(duty.body.data.entries.length).toBe((await all(DUTY, 'year=2022')).length);
    const works = await t.flood.req('GET', '/api/flood/works');
    expect(works.status).toBe(200);
    expect(works.body.data.works.length).toBe((await all(FLOOD_LISTS[2]!, '')).length);
    const deps = await t.flood.req('GET', '/api/flood/deployments?year=2022');
    expect(deps.body.data).toHaveLength(36);
    const warnings = await t.flood.req('GET', '/api/flood/warnings');
    expect(warnings.body.data.length).toBe((await all(FLOOD_LISTS[3]!, '')).length);
  });

  it("the deployments' totals are the filtered records' sums", async () => {
    for (const query of ['year=2022', 'year=2023', `q=${encodeURIComponent('暴雨')}`, '']) {
      const rows = await all(FLOOD_LISTS[0]!, query);
      const r = await t.flood.req('GET', `/api/flood/deployments/totals?${query}`);
      expect(r.status).toBe(200);
      const sum = (k: string) => rows.reduce((a, x) => a + Number(x[k]), 0);
      expect(r.body.data, query).toEqual({ events: rows.length, persons: sum('persons'), pumps: sum('pumps'), vehicles: sum('vehicles') });
    }
    // The seed report's 2022 figures.
    expect((await t.flood.req('GET', '/api/flood/deployments/totals?year=2022')).body.data).toMatchObject({
      events: 36,
      persons: 8640,
      pumps: 3888,
      vehicles: 2112,
    });
  });

  it('the ledgers export every record in scope, as before (no list filter)', async () => {
    for (const key of ['flood-deployments', 'flood-projects', 'flood-works', 'duty-roster']) {
      const r = await t.app.inject({ method: 'GET', url: `/api/ledgers/${key}/export?format=xlsx`, headers: { cookie: t.flood.cookie } });
      expect(r.statusCode, key).toBe(200);
    }
  });
});

describe('the user list', () => {
  const c = FLOOD_LISTS[4]!;
  it('narrows by role, unit and status; says no password hash; a street may not read it (403)', async () => {
    const everyone = await all(c, '');
    const streets = await all(c, 'role=street');
    expect(streets.map((u) => u.username).sort()).toEqual(['wushan', 'yuancun']);
    expect(streets.length).toBe(everyone.filter((u) => (u.roles as string[]).includes('street')).length);
    const office = everyone.find((u) => u.username === 'admin')!;
    const ofOffice = await all(c, `orgId=${office.orgId}`);
    expect(ofOffice.length).toBe(everyone.filter((u) => u.orgId === office.orgId).length);
    expect(ofOffice.every((u) => u.orgName === office.orgName)).toBe(true);
    expect((await page(c, 'disabled=true')).total).toBe(0);
    expect((await page(c, 'disabled=false')).total).toBe(everyone.length);
    const r = await t.admin.req('GET', '/api/users/list?pageSize=200');
    // No hash (argon2id) nor its column in any row: only the flag that a password must be changed.
    expect(JSON.stringify(r.body)).not.toMatch(/\$argon2|password_?hash|failed_?attempts/i);
    for (const u of r.body.data.items) expect(Object.keys(u).filter((k) => /password/i.test(k))).toEqual(['mustChangePassword']);
    expect((await t.wushan.req('GET', '/api/users/list')).status).toBe(403);
    expect((await t.admin.req('GET', '/api/users/list?disabled=maybe')).status).toBe(400);
  });

  it('a disabled user is found by the status filter, and the old unpaged list still answers', async () => {
    const viewer = (await all(c, 'q=viewer')).find((u) => u.username === 'viewer')!;
    const r = await t.admin.req('PATCH', `/api/users/${viewer.id}`, { version: viewer.version, disabled: true });
    expect(r.status).toBe(200);
    expect((await all(c, 'disabled=true')).map((u) => u.username)).toEqual(['viewer']);
    const old = await t.admin.req('GET', '/api/users');
    expect(old.body.data.length).toBe((await all(c, '')).length);
  });
});
