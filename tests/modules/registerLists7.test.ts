/**
 * The registers' lists on the one list component's server side (issue 14 item 4), seventh part: 执法人员
 * (`/api/enforcement/officers/list`) and 单位管理 (`/api/orgs/list`) — a page with its total, sort on each
 * whitelisted column across pages, any other sort refused naming `sort`, filters, the export of exactly the
 * filtered rows under the ledger's headers (officers; orgs), the data scope, and the unpaged routes the
 * rest of the app still calls (`/api/enforcement/officers`, `/api/orgs`). Neither register has a year; the
 * shared checks are `describeLists`' (tests/helpers/listCases.ts), the unit filter and the scope are below.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { serverSuite } from '../helpers/server.js';
import { describeLists, listReader, type ListCase, type Row } from '../helpers/listCases.js';

const t = serverSuite({ admin: 'admin', legal: 'legal', viewer: 'viewer', wushan: 'wushan', yuancun: 'yuancun' });
const { page, all, exportOf } = listReader(t);

/** Today and `n` days on, as the server's clock reads them (the certificate's state is judged on it). */
const day = (n = 0) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  // The demo's officers all hold a certificate valid to 2027: one of each other state, and one out of service.
  for (const body of [
    { name: '过期甲', certNo: 'L7-EXPIRED', certIssuedOn: '2015-12-31', certValidUntil: '2020-12-30', examScore: 80 },
    { name: '将到期乙', certNo: 'L7-EXPIRING', certIssuedOn: '2021-01-10', certValidUntil: day(10), examScore: 85 },
    { name: '无证丙' },
    { name: '停用丁', certNo: 'L7-INACTIVE', certIssuedOn: '2022-06-30', certValidUntil: '2027-06-29', active: false },
  ]) {
    const r = await t.legal.req('POST', '/api/enforcement/officers', body);
    expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(201);
  }
});

/** What the two registers share beside the shared case's defaults: no year; their scope is checked below. */
const REGISTER = {
  refusedSorts: ['version', 'org.name; drop table org', 'created_at'],
  streets: 'apart',
} as const;

/** A unit's rows: exactly those the unit filter keeps (the unit of the list's last row). */
async function expectUnitFilter(c: ListCase) {
  const everything = await all(c, '');
  const unit = everything.at(-1)!.orgId!;
  const ofUnit = await all(c, `orgId=${unit}`);
  expect(ofUnit.map((r) => r.id).sort()).toEqual(
    everything
      .filter((r) => r.orgId === unit)
      .map((r) => r.id)
      .sort(),
  );
}

const OFFICERS: ListCase = {
  ...REGISTER,
  name: 'officers (执法人员)',
  list: '/api/enforcement/officers/list',
  export: '/api/enforcement/officers/export',
  ledger: 'officers',
  key: { header: '姓名', field: 'name' },
  exportQueries: ['cert=valid', 'cert=expiring', 'cert=expired', 'sort=certValidUntil&order=desc', ''],
  user: 'legal',
  sorts: { name: 'name', certNo: 'certNo', certIssuedOn: 'certIssuedOn', certValidUntil: 'certValidUntil' },
  filters: [
    { query: 'cert=valid', field: 'certStatus', value: 'valid' },
    { query: 'cert=expiring', field: 'certStatus', value: 'expiring' },
    { query: 'cert=expired', field: 'certStatus', value: 'expired' },
    { query: 'cert=none', field: 'certStatus', value: 'none' },
    { query: 'active=false', field: 'active', value: false },
    { query: 'active=true', field: 'active', value: true },
  ],
  text: [(r) => String(r.name), (r) => String(r.certNo)],
};

describeLists([OFFICERS], t);

describe('the officer list beyond the shared checks', () => {
  const c = OFFICERS;
  it('says each certificate state as the unpaged list does (expiring: at most 30 days left), narrows by unit, and a street sees only its own officers', async () => {
    await expectUnitFilter(c);
    const unpaged = (await t.legal.req('GET', '/api/enforcement/officers')).body.data as Row[];
    const paged = await all(c, '');
    expect(paged.map((r) => [r.id, r.certStatus]).sort()).toEqual(unpaged.map((r) => [r.id, r.certStatus]).sort());
    const byName = new Map(paged.map((r) => [r.name, r.certStatus]));
    expect([byName.get('过期甲'), byName.get('将到期乙'), byName.get('无证丙'), byName.get('停用丁')]).toEqual(['expired', 'expiring', 'none', 'valid']);
    // The default order is the unpaged list's: by unit, then name.
    expect(paged.map((r) => r.id)).toEqual(unpaged.map((r) => r.id));
    const mine = await all(c, '', 'wushan');
    const theirs = await all(c, '', 'yuancun');
    expect(mine.length).toBeGreaterThan(0);
    expect(new Set(mine.map((r) => r.orgId)).size).toBe(1);
    expect(theirs.some((r) => mine.some((m) => m.id === r.id))).toBe(false);
    expect((await page(c, `orgId=${mine[0]!.orgId}`, 'yuancun')).total).toBe(0);
    const own = await exportOf(c, `orgId=${mine[0]!.orgId}`, 'yuancun');
    expect(own.rows).toHaveLength(0);
    expect((await exportOf(c, '', 'wushan')).rows.length).toBe(mine.length);
  });

  it('refuses an unknown certificate state naming it; the ledger still exports every officer in scope', async () => {
    const r = await t.legal.req('GET', '/api/enforcement/officers/list?cert=soon');
    expect(r.status).toBe(400);
    const ledger = await t.app.inject({ method: 'GET', url: '/api/ledgers/officers/export?format=xlsx', headers: { cookie: t.legal.cookie } });
    expect(ledger.statusCode).toBe(200);
    // The case form's officer picker (by unit) is the unpaged route's, unchanged.
    const squad = (await all(c, 'cert=expired'))[0]!.orgId!;
    const picker = await t.legal.req('GET', `/api/enforcement/officers?orgId=${squad}`);
    expect(picker.status).toBe(200);
    expect(picker.body.data.length).toBe((await all(c, `orgId=${squad}`)).length);
  });
});

const ORGS: ListCase = {
  ...REGISTER,
  name: 'orgs (单位管理)',
  list: '/api/orgs/list',
  export: '/api/orgs/export',
  ledger: 'orgs',
  key: { header: '单位名称', field: 'name' },
  exportQueries: ['kind=street', 'kind=department', 'sort=sort&order=desc', ''],
  user: 'admin',
  sorts: { name: 'name', kind: 'kind', sort: 'sort' },
  filters: [
    { query: 'kind=street', field: 'kind', value: 'street' },
    { query: 'kind=department', field: 'kind', value: 'department' },
  ],
  text: [(r) => String(r.name), (r) => String(r.uscc), (r) => String(r.divisionCode)],
  badFilter: 'parentId=x',
};

describeLists([ORGS], t);

describe('the org list beyond the shared checks', () => {
  const c = ORGS;
  it('narrows by unit and by parent; names the parent; a street sees only its own unit, in the list and the export', async () => {
    await expectUnitFilter(c);
    const everything = await all(c, '');
    const bureau = everything.find((o) => o.kind === 'bureau')!;
    const children = await all(c, `parentId=${bureau.id}`);
    expect(children.length).toBeGreaterThan(0);
    expect(children.map((o) => o.id).sort()).toEqual(
      everything
        .filter((o) => o.parentId === bureau.id)
        .map((o) => o.id)
        .sort(),
    );
    expect(children.every((o) => o.parentName === bureau.name)).toBe(true);
    const table = await exportOf(c, `parentId=${bureau.id}`);
    expect(table.rows.every((r) => r.cells.上级单位 === bureau.name)).toBe(true);
    const mine = await all(c, '', 'wushan');
    expect(mine.map((o) => o.name)).toEqual(['五山街道']);
    // The bureau is not in a street's scope: its name is not said as the parent.
    expect(mine[0]!.parentName).toBeNull();
    expect((await page(c, `parentId=${bureau.id}`, 'wushan')).total).toBe(1);
    expect((await page(c, `q=${encodeURIComponent('员村')}`, 'wushan')).total).toBe(0);
    const own = await exportOf(c, '', 'wushan');
    expect(own.rows.map((r) => r.cells.单位名称)).toEqual(['五山街道']);
  });

  it('keeps the unpaged GET /api/orgs (every picker of the app) as it was; refuses an unknown kind', async () => {
    const unpaged = (await t.admin.req('GET', '/api/orgs')).body.data as Row[];
    const paged = await all(c, '');
    expect(paged.map((o) => o.id)).toEqual(unpaged.map((o) => o.id));
    expect(paged.map(({ parentName: _p, ...o }) => o)).toEqual(unpaged);
    expect((await t.wushan.req('GET', '/api/orgs')).body.data.map((o: Row) => o.name)).toEqual(['五山街道']);
    const r = await t.admin.req('GET', '/api/orgs/list?kind=city');
    expect(r.status).toBe(400);
    // The orgs ledger still exports every org in scope.
    const ledger = await t.app.inject({ method: 'GET', url: '/api/ledgers/orgs/export?format=xlsx', headers: { cookie: t.admin.cookie } });
    expect(ledger.statusCode).toBe(200);
  });
});
