/**
 * The registers' lists on the one list component's server side (issue 14 item 4), seventh part: 执法人员
 * (`/api/enforcement/officers/list`) and 单位管理 (`/api/orgs/list`) — a page with its total, sort on each
 * whitelisted column across pages, any other sort refused naming `sort`, filters, the export of exactly the
 * filtered rows under the ledger's headers (officers; orgs), the data scope, and the unpaged routes the
 * rest of the app still calls (`/api/enforcement/officers`, `/api/orgs`). Neither register has a year, so
 * each is checked below with the shared reader (tests/helpers/listCases.ts) rather than `describeLists`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { serverSuite } from '../helpers/server.js';
import type { Client } from '../helpers/http.js';
import { listReader, type ListCase, type Row } from '../helpers/listCases.js';

const t = serverSuite({ admin: 'admin', legal: 'legal', viewer: 'viewer', wushan: 'wushan', yuancun: 'yuancun' });
const users: Record<string, Client> = {};
const suite = { app: () => t.app, users };
const { page, all, exportOf } = listReader(suite);

/** Today and `n` days on, as the server's clock reads them (the certificate's state is judged on it). */
const day = (n = 0) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  for (const k of ['admin', 'legal', 'viewer', 'wushan', 'yuancun'] as const) users[k] = t[k];
  // The demo's officers all hold a certificate valid to 2027: one of each other state, and one out of service.
  for (const body of [
    { name: '过期甲', certNo: 'L7-EXPIRED', certIssuedOn: '2015-12-31', certValidUntil: '2020-12-30', examScore: 80 },
    { name: '将到期乙', certNo: 'L7-EXPIRING', certIssuedOn: '2021-01-10', certValidUntil: day(10), examScore: 85 },
    { name: '无证丙' },
    { name: '停用丁', certNo: 'L7-INACTIVE', certIssuedOn: '2022-06-30', certValidUntil: '2027-06-29', active: false },
  ]) {
    const r = await users.legal!.req('POST', '/api/enforcement/officers', body);
    expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(201);
  }
});

/** A list where it differs from the shared case's shape: no year, and the export optional. */
interface RegisterList {
  name: string;
  list: string;
  export: { path: string; ledger: string; key: { header: string; field: string } };
  user: string;
  sorts: Record<string, string>;
  /** Filters that narrow, each with the field it narrows and the value it keeps. */
  filters: Array<{ query: string; field: string; value: unknown }>;
  /** Texts the search finds, each with the row's field holding it. */
  text: Array<(r: Row) => string>;
  /** A filter's bad value (refused: 400). */
  badFilter: string;
}

const OFFICERS: RegisterList = {
  name: 'officers (执法人员)',
  list: '/api/enforcement/officers/list',
  export: { path: '/api/enforcement/officers/export', ledger: 'officers', key: { header: '姓名', field: 'name' } },
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
  badFilter: 'orgId=x',
};

/** The case as the shared reader takes it. */
const asCase = (c: RegisterList): ListCase => ({
  name: c.name,
  list: c.list,
  export: c.export.path,
  user: c.user,
  sorts: c.sorts,
  filters: c.filters,
  key: c.export.key,
  ledger: c.export.ledger,
  text: c.text[0]!,
  yearField: '',
});
const cellText = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v));
/** Values as the server sorts them: nulls last in either direction; numbers as numbers, the rest as text. */
const sortedAs = (values: unknown[], order: 'asc' | 'desc') => {
  const present = values.filter((v) => v != null);
  const cmp = (a: unknown, b: unknown) => (typeof a === 'number' && typeof b === 'number' ? a - b : String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0);
  const s = [...present].sort(cmp);
  return [...(order === 'asc' ? s : s.reverse()), ...Array<null>(values.length - present.length).fill(null)];
};

/** The shared checks of a register's list (as tests/helpers/listCases.ts's, without a year). */
function describeRegister(rl: RegisterList) {
  const c = asCase(rl);
  describe(rl.name, () => {
    it('answers a page and the filtered total; the page size is kept', async () => {
      const first = await page(c, 'pageSize=2');
      expect(first.total).toBeGreaterThan(2);
      expect(first.items).toHaveLength(2);
      const second = await page(c, 'pageSize=2&page=2');
      expect(second.total).toBe(first.total);
      expect(second.items.some((r) => first.items.some((x) => x.id === r.id))).toBe(false);
    });

    it.each(['asc', 'desc'] as const)('sorts on each whitelisted column (%s), server-side across pages', async (order) => {
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

    it.each(['version', 'org.name; drop table org', 'created_at'])('refuses sort=%s naming sort, in the list and the export', async (sort) => {
      for (const url of [rl.list, rl.export.path]) {
        const r = await users[rl.user]!.req('GET', `${url}?sort=${encodeURIComponent(sort)}`);
        expect(r.status).toBe(400);
        expect(r.body).toMatchObject({ code: 'VALIDATION', field: 'sort' });
        expect(r.body.message).toContain('可排序的列');
        expect(r.body.message).toContain(sort);
      }
    });

    it('each filter narrows to exactly its rows; the text too, as typed', async () => {
      const everything = await all(c, '');
      for (const f of rl.filters) {
        const rows = await all(c, f.query);
        expect(rows.length, f.query).toBeGreaterThan(0);
        expect(rows.length, f.query).toBeLessThan(everything.length);
        expect(rows.every((r) => r[f.field] === f.value)).toBe(true);
        expect(rows.length, f.query).toBe(everything.filter((r) => r[f.field] === f.value).length);
      }
      // By unit: exactly that unit's rows.
      const unit = everything.at(-1)!.orgId!;
      const ofUnit = await all(c, `orgId=${unit}`);
      expect(ofUnit.map((r) => r.id).sort()).toEqual(
        everything
          .filter((r) => r.orgId === unit)
          .map((r) => r.id)
          .sort(),
      );
      const some = everything.find((r) => rl.text.every((f) => f(r) !== 'null' && f(r) !== 'undefined')) ?? everything[0]!;
      for (const text of rl.text) {
        const v = text(some);
        if (v === 'null' || v === 'undefined') continue;
        expect((await all(c, `q=${encodeURIComponent(v)}`)).map((r) => r.id)).toContain(some.id);
      }
      for (const q of ['%', '_']) expect((await page(c, `q=${encodeURIComponent(q)}`)).total, q).toBe(0);
    });

    it("exports exactly the filtered list's rows, in its order, under the ledger's headers", async () => {
      const ledger = (await users[rl.user]!.req('GET', '/api/ledgers')).body.data.find((l: { key: string }) => l.key === rl.export.ledger);
      const sorts = Object.keys(rl.sorts);
      for (const query of [...rl.filters.map((f) => f.query).slice(0, 3), `sort=${sorts.at(-1)}&order=desc`, '']) {
        const rows = await all(c, query);
        const table = await exportOf(c, query);
        expect(table.rows.length, query).toBe(rows.length);
        expect(
          table.rows.map((r) => cellText(r.cells[rl.export.key.header])),
          query,
        ).toEqual(rows.map((r) => String(r[rl.export.key.field])));
        expect(table.headers).toEqual(ledger.columns.map((x: { header: string }) => x.header));
      }
    });

    it('refuses a bad filter naming it, and needs a signed-in user', async () => {
      const r = await users[rl.user]!.req('GET', `${rl.list}?${rl.badFilter}`);
      expect(r.status).toBe(400);
      expect((await t.app.inject({ method: 'GET', url: rl.list })).statusCode).toBe(401);
      expect((await t.app.inject({ method: 'GET', url: rl.export.path })).statusCode).toBe(401);
    });
  });
}

describeRegister(OFFICERS);

describe('the officer list beyond the shared checks', () => {
  const c = asCase(OFFICERS);
  it('says each certificate state as the unpaged list does (expiring: at most 30 days left), and a street sees only its own officers', async () => {
    const unpaged = (await users.legal!.req('GET', '/api/enforcement/officers')).body.data as Row[];
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
    const r = await users.legal!.req('GET', '/api/enforcement/officers/list?cert=soon');
    expect(r.status).toBe(400);
    const ledger = await t.app.inject({ method: 'GET', url: '/api/ledgers/officers/export?format=xlsx', headers: { cookie: users.legal!.cookie } });
    expect(ledger.statusCode).toBe(200);
    // The case form's officer picker (by unit) is the unpaged route's, unchanged.
    const squad = (await all(c, 'cert=expired'))[0]!.orgId!;
    const picker = await users.legal!.req('GET', `/api/enforcement/officers?orgId=${squad}`);
    expect(picker.status).toBe(200);
    expect(picker.body.data.length).toBe((await all(c, `orgId=${squad}`)).length);
  });
});

const ORGS: RegisterList = {
  name: 'orgs (单位管理)',
  list: '/api/orgs/list',
  export: { path: '/api/orgs/export', ledger: 'orgs', key: { header: '单位名称', field: 'name' } },
  user: 'admin',
  sorts: { name: 'name', kind: 'kind', sort: 'sort' },
  filters: [
    { query: 'kind=street', field: 'kind', value: 'street' },
    { query: 'kind=department', field: 'kind', value: 'department' },
  ],
  text: [(r) => String(r.name), (r) => String(r.uscc), (r) => String(r.divisionCode)],
  badFilter: 'parentId=x',
};

describeRegister(ORGS);

describe('the org list beyond the shared checks', () => {
  const c = asCase(ORGS);
  it('narrows by parent; names the parent; a street sees only its own unit, in the list and the export', async () => {
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
    const unpaged = (await users.admin!.req('GET', '/api/orgs')).body.data as Row[];
    const paged = await all(c, '');
    expect(paged.map((o) => o.id)).toEqual(unpaged.map((o) => o.id));
    expect(paged.map(({ parentName: _p, ...o }) => o)).toEqual(unpaged);
    expect((await users.wushan!.req('GET', '/api/orgs')).body.data.map((o: Row) => o.name)).toEqual(['五山街道']);
    const r = await users.admin!.req('GET', '/api/orgs/list?kind=city');
    expect(r.status).toBe(400);
    // The orgs ledger still exports every org in scope.
    const ledger = await t.app.inject({ method: 'GET', url: '/api/ledgers/orgs/export?format=xlsx', headers: { cookie: users.admin!.cookie } });
    expect(ledger.statusCode).toBe(200);
  });
});
